//! Diagnostics: what skink tells a user about their program, rendered rustc-style
//! (`error: ...`, `--> file:line:col`, the source line with a caret).

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// A byte range in the source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub message: String,
    /// Where in the source; `None` when the problem is the file itself.
    pub span: Option<Span>,
    /// Said at the caret.
    pub label: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: Some(span),
            label: label.into(),
            help: None,
        }
    }

    /// A problem with the file as a whole (missing, unreadable).
    pub fn file_error(message: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            span: None,
            label: String::new(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A source file and its line index.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
            .collect();
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, col as u32 + 1)
    }
}

/// The nearest character boundary at or before `i` (clamped to the text).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders diagnostics as plain text, one blank line between them.
pub fn render(diagnostics: &[Diagnostic], file: &SourceFile) -> String {
    let renderer = Renderer::plain();
    let mut out = String::new();
    for d in diagnostics {
        let text = match d.span {
            Some(span) => {
                let start = floor_char_boundary(&file.text, span.start as usize);
                let end = floor_char_boundary(&file.text, (span.end as usize).max(start));
                // Annotate the first line only, so the caret stays readable.
                let end = file.text[start..end].find('\n').map_or(end, |i| start + i);
                let mut group = Level::ERROR.primary_title(&d.message).element(
                    Snippet::source(file.text.as_str())
                        .path(file.path.as_str())
                        .annotation(
                            AnnotationKind::Primary
                                .span(start..end.max(start))
                                .label(&d.label),
                        ),
                );
                if let Some(help) = &d.help {
                    group = group.element(Level::HELP.message(help.as_str()));
                }
                renderer.render(&[group]).to_string()
            }
            None => {
                let mut s = format!("error: {}\n --> {}", d.message, file.path);
                if let Some(help) = &d.help {
                    s.push_str(&format!("\n  = help: {help}"));
                }
                s
            }
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
