//! The front end: the only module that knows the parser. It turns source text into
//! rustpython-parser's AST (re-exported for HIR lowering) or a diagnostic; swapping
//! the parser touches this module and `hir::lower` alone.

pub use rustpython_parser::ast;
pub use rustpython_parser::ast::Ranged;
use rustpython_parser::text_size::TextRange;

use crate::diagnostic::{Diagnostic, SourceFile, Span};

pub fn span(range: TextRange) -> Span {
    Span::new(range.start().into(), range.end().into())
}

/// CPython's tokenizer refuses more than this many open brackets (`MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;

fn check_bracket_depth(file: &SourceFile) -> Result<(), Diagnostic> {
    use rustpython_parser::Tok;
    let mut depth = 0usize;
    // Stop at the first lexical error (the lexer may repeat it forever at the end of
    // input); the parser below reports it with its own message.
    let tokens = rustpython_parser::lexer::lex(&file.text, rustpython_parser::Mode::Module)
        .map_while(Result::ok);
    for (tok, range) in tokens {
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return Err(Diagnostic::error(
                        span(range),
                        "SyntaxError: too many nested parentheses",
                        "here",
                    )
                    .with_help("CPython rejects more than 200 nested brackets"));
                }
            }
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses a module.
pub fn parse(file: &SourceFile) -> Result<Vec<ast::Stmt>, Diagnostic> {
    check_bracket_depth(file)?;
    match rustpython_parser::parse(&file.text, rustpython_parser::Mode::Module, &file.path) {
        Ok(ast::Mod::Module(m)) => Ok(m.body),
        Ok(_) => Err(Diagnostic::file_error("the parser did not return a module")),
        Err(e) => {
            let at: u32 = e.offset.into();
            let end = file.text[at as usize..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8() as u32);
            Err(Diagnostic::error(
                Span::new(at, end),
                format!("invalid syntax: {}", e.error),
                "here",
            )
            .with_help("CPython rejects this program with a SyntaxError too"))
        }
    }
}

/// The AST dump of `skink ir --stage ast`.
pub fn dump(body: &[ast::Stmt]) -> String {
    let mut out = String::new();
    for stmt in body {
        out.push_str(&format!("{stmt:#?}\n"));
    }
    out
}
