//! File objects: what `open()` returns and what `sys.stdout`/`sys.stderr` are.
//!
//! One object kind serves CPython's three classes (`TextIOWrapper` for text mode,
//! `BufferedReader`/`BufferedWriter` for binary reading/writing) with their
//! messages. A readable file is read whole on its first read and served from
//! memory; writes go straight to the operating system, so nothing is lost when a
//! program exits without closing its files.

use std::io::{Read, Write};

use skink_abi::{self as abi, ObjHeader, Word, kind};

use crate::call::Kw;
use crate::exc::{self, ExcType, PyResult};
use crate::int::{self, Int};
use crate::object::{self, Owned};
use crate::strmethods::{self as sm};
use crate::strobj::raise_str_error;

/// Which of CPython's file classes an object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileClass {
    TextIOWrapper,
    BufferedReader,
    BufferedWriter,
}

impl FileClass {
    pub fn name(self) -> &'static str {
        match self {
            FileClass::TextIOWrapper => "TextIOWrapper",
            FileClass::BufferedReader => "BufferedReader",
            FileClass::BufferedWriter => "BufferedWriter",
        }
    }
}

enum Target {
    Stdout,
    Stderr,
    Disk(std::fs::File),
}

/// The unread rest of a readable file, loaded on the first read.
enum Contents {
    NotLoaded,
    Text { text: String, pos: usize },
    Bytes { bytes: Vec<u8>, pos: usize },
}

#[repr(C)]
pub struct FileObj {
    pub header: ObjHeader,
    pub class: FileClass,
    name: String,
    mode: String,
    readable: bool,
    writable: bool,
    encoding: String,
    errors: String,
    /// `newline=`: None translates `\r\n` and `\r` to `\n` when reading.
    newline: Option<String>,
    /// None once closed.
    target: Option<Target>,
    contents: Contents,
}

pub fn as_file<'a>(w: Word) -> Option<&'a mut FileObj> {
    object::view_mut::<FileObj>(w, kind::FILE)
}

/// `sys.stdout` or `sys.stderr` (immortal).
pub fn standard_stream(stderr: bool) -> Word {
    let (name, target) = if stderr {
        ("<stderr>", Target::Stderr)
    } else {
        ("<stdout>", Target::Stdout)
    };
    object::make_immortal(object::into_word(Box::new(FileObj {
        header: object::header(kind::FILE),
        class: FileClass::TextIOWrapper,
        name: name.into(),
        mode: "w".into(),
        readable: false,
        writable: true,
        encoding: "utf-8".into(),
        errors: "strict".into(),
        newline: None,
        target: Some(target),
        contents: Contents::NotLoaded,
    })))
}

/// Whether `w` is `sys.stdout` (`stderr == false`) or `sys.stderr`.
pub fn is_standard_stream(w: Word, stderr: bool) -> bool {
    as_file(w).is_some_and(|f| match f.target {
        Some(Target::Stderr) => stderr,
        Some(Target::Stdout) => !stderr,
        _ => false,
    })
}

/// The parsed `mode` argument of `open()`.
struct Mode {
    create: bool,
    read: bool,
    write: bool,
    append: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || exc::value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return invalid();
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let m = Mode {
        create: has('x'),
        read: has('r'),
        write: has('w'),
        append: has('a'),
        binary: has('b'),
    };
    if has('t') && m.binary {
        return exc::value_error("can't have text and binary mode at once");
    }
    match [m.create, m.read, m.write, m.append]
        .iter()
        .filter(|&&x| x)
        .count()
    {
        1 => {}
        // `open()` checks for too many, `FileIO` for none, each with its wording.
        0 => {
            return exc::value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            );
        }
        _ => return exc::value_error("must have exactly one of create/read/write/append mode"),
    }
    if has('+') {
        // FIXME: update modes need a shared read/write position.
        return exc::value_error(format!(
            "skink: open() mode '{mode}' ('+') is not supported"
        ));
    }
    Ok(m)
}

/// An optional string argument (`None` or absent is `None`).
fn optional_str(what: &str, w: Option<Word>) -> PyResult<Option<String>> {
    match w {
        None | Some(abi::NONE) => Ok(None),
        Some(w) => match object::as_str(w) {
            Some(s) => Ok(Some(s.value.clone())),
            None => exc::type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                object::type_name(w)
            )),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
pub fn open(args: &[Word], kw: &Kw) -> PyResult<Word> {
    const NAMES: [&str; 6] = ["file", "mode", "buffering", "encoding", "errors", "newline"];
    if args.len() > NAMES.len() {
        return exc::type_error(format!(
            "open() takes at most {} arguments ({} given)",
            NAMES.len(),
            args.len()
        ));
    }
    let mut slots: [Option<Word>; 6] = [None; 6];
    for (i, &a) in args.iter().enumerate() {
        slots[i] = Some(a);
    }
    for &(k, v) in kw {
        match NAMES.iter().position(|&n| n == k) {
            Some(i) if slots[i].is_some() => {
                return exc::type_error(format!(
                    "argument for open() given by name ('{k}') and position ({})",
                    i + 1
                ));
            }
            Some(i) => slots[i] = Some(v),
            None if matches!(k, "closefd" | "opener") => {
                return exc::type_error(format!("skink: open() argument '{k}' is not supported"));
            }
            None => {
                return exc::type_error(format!("'{k}' is an invalid keyword argument for open()"));
            }
        }
    }
    let [file, mode, buffering, encoding, errors, newline] = slots;
    let Some(file) = file else {
        return exc::type_error("open() missing required argument 'file' (pos 1)");
    };
    let path = if let Some(s) = object::as_str(file) {
        s.value.clone()
    } else if let Some(b) = object::as_bytes(file) {
        String::from_utf8_lossy(&b.value).into_owned()
    } else if int::int_of(file).is_some() {
        return exc::type_error("skink: open() of a file descriptor is not supported");
    } else {
        return exc::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            object::type_name(file)
        ));
    };
    let mode_text = match mode {
        None => "r".to_string(),
        Some(m) => match object::as_str(m) {
            Some(s) => s.value.clone(),
            None => {
                return exc::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    object::type_name(m)
                ));
            }
        },
    };
    if let Some(b) = buffering
        && int::int_of(b).is_none()
    {
        return exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            object::type_name(b)
        ));
    }
    let m = parse_mode(&mode_text)?;
    let encoding = optional_str("encoding", encoding)?;
    let errors = optional_str("errors", errors)?;
    let newline = optional_str("newline", newline)?;
    if m.binary {
        if encoding.is_some() {
            return exc::value_error("binary mode doesn't take an encoding argument");
        }
        if errors.is_some() {
            return exc::value_error("binary mode doesn't take an errors argument");
        }
        if newline.is_some() {
            return exc::value_error("binary mode doesn't take a newline argument");
        }
    }
    if let Some(nl) = &newline
        && !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return exc::value_error(format!("illegal newline value: {nl}"));
    }
    let encoding = encoding.unwrap_or_else(|| "UTF-8".to_string());
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    if !m.binary {
        // An unknown codec fails at open(), before the file is touched.
        if let Err(e) = sm::str_encode("", &encoding, &errors) {
            return raise_str_error(e);
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options
        .read(m.read)
        .write(m.write || m.create)
        .append(m.append)
        .truncate(m.write)
        .create(m.write || m.append)
        .create_new(m.create);
    let handle = match options.open(&path) {
        Ok(h) => h,
        Err(e) => return raise_os_error(&e, &path),
    };
    // Opening a directory for reading succeeds on Linux; CPython refuses it.
    if handle.metadata().is_ok_and(|md| md.is_dir()) {
        return raise_os_error(&std::io::Error::from_raw_os_error(21), &path);
    }
    let class = match (m.binary, m.read) {
        (false, _) => FileClass::TextIOWrapper,
        (true, true) => FileClass::BufferedReader,
        (true, false) => FileClass::BufferedWriter,
    };
    let mode_attr = if m.binary {
        let letter = if m.create {
            'x'
        } else if m.read {
            'r'
        } else if m.write {
            'w'
        } else {
            'a'
        };
        format!("{letter}b")
    } else {
        mode_text
    };
    Ok(object::into_word(Box::new(FileObj {
        header: object::header(kind::FILE),
        class,
        name: path,
        mode: mode_attr,
        readable: m.read,
        writable: !m.read,
        encoding,
        errors,
        newline,
        target: Some(Target::Disk(handle)),
        contents: Contents::NotLoaded,
    })))
}

/// Raises the `OSError` subclass CPython maps an operating-system error to, with
/// `errno`, `strerror` and `filename` set.
pub fn raise_os_error<T>(e: &std::io::Error, filename: &str) -> PyResult<T> {
    let errno = e.raw_os_error().unwrap_or(0);
    // Rust's message is strerror's followed by " (os error N)".
    let full = e.to_string();
    let strerror = full
        .strip_suffix(&format!(" (os error {errno})"))
        .unwrap_or(&full)
        .to_string();
    // What `OSError(errno, strerror, filename)` makes: the subclass for the errno.
    let args = object::Items(vec![
        int::from_i64(errno.into()),
        object::new_str(strerror),
        object::new_str(filename.to_string()),
    ]);
    exc::raise_object(exc::new_exception_from_args(ExcType::OSError, &args))
}

fn unsupported<T>(what: &str) -> PyResult<T> {
    exc::raise(ExcType::UnsupportedOperation, what)
}

/// The checks before an operation: the mode allows it and the file is open, in
/// the order and with the messages of CPython's classes.
fn check(f: &FileObj, op: &'static str) -> PyResult<()> {
    let binary = f.class != FileClass::TextIOWrapper;
    let closed = f.target.is_none();
    let reading = matches!(op, "read" | "readline" | "readlines" | "__next__");
    let writing = matches!(op, "write" | "writelines");
    if binary {
        if reading && op != "readlines" && !f.readable {
            return unsupported("read");
        }
        if op == "write" && !f.writable {
            return unsupported("write");
        }
        if closed {
            let message = match op {
                "read" => "read of closed file",
                "readline" | "__next__" => "readline of closed file",
                "write" => "write to closed file",
                "flush" if f.writable => "flush of closed file",
                _ => "I/O operation on closed file.",
            };
            return exc::value_error(message);
        }
        if op == "readlines" && !f.readable {
            return unsupported("read");
        }
        if op == "writelines" && !f.writable {
            return unsupported("write");
        }
        return Ok(());
    }
    if closed {
        return exc::value_error("I/O operation on closed file.");
    }
    if reading && !f.readable {
        return unsupported("not readable");
    }
    if writing && !f.writable {
        return unsupported("not writable");
    }
    Ok(())
}

/// Loads the rest of a readable file into memory (the first read does it).
fn load(f: &mut FileObj) -> PyResult<()> {
    if !matches!(f.contents, Contents::NotLoaded) {
        return Ok(());
    }
    let Some(Target::Disk(handle)) = &mut f.target else {
        return Ok(());
    };
    let mut bytes = Vec::new();
    if let Err(e) = handle.read_to_end(&mut bytes) {
        return raise_os_error(&e, &f.name);
    }
    f.contents = if f.class == FileClass::TextIOWrapper {
        let text = match sm::bytes_decode(&bytes, &f.encoding, &f.errors) {
            Ok(t) => t,
            Err(e) => return raise_str_error(e),
        };
        let text = if f.newline.is_none() {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text
        };
        Contents::Text { text, pos: 0 }
    } else {
        Contents::Bytes { bytes, pos: 0 }
    };
    Ok(())
}

/// A size argument: None or negative means "all".
fn size_arg(args: &[Word], method: &str) -> PyResult<Option<usize>> {
    crate::methods::arity(method, args, 0, 1)?;
    match args {
        [] => Ok(None),
        [abi::NONE] => Ok(None),
        [w] => match int::int_of(*w) {
            Some(Int::Small(n)) if n < 0 => Ok(None),
            Some(Int::Small(n)) => Ok(Some(n as usize)),
            Some(Int::Big(_)) => {
                exc::overflow_error("Python int too large to convert to C ssize_t")
            }
            None => exc::type_error(format!(
                "argument should be integer or None, not '{}'",
                object::type_name(*w)
            )),
        },
        _ => Ok(None),
    }
}

/// Where the line starting at `from` ends (after its terminator), for text.
fn text_line_end(text: &str, from: usize, newline: Option<&str>) -> usize {
    let rest = &text[from..];
    let found = match newline {
        // Translated already: lines end in `\n`.
        None | Some("\n") => rest.find('\n').map(|i| i + 1),
        Some("") => rest.find(['\r', '\n']).map(|i| {
            if rest[i..].starts_with("\r\n") {
                i + 2
            } else {
                i + 1
            }
        }),
        Some(nl) => rest.find(nl).map(|i| i + nl.len()),
    };
    from + found.unwrap_or(rest.len())
}

/// The next line (a new reference); empty at the end of the file.
fn readline(f: &mut FileObj, limit: Option<usize>) -> PyResult<Word> {
    load(f)?;
    let newline = f.newline.clone();
    match &mut f.contents {
        Contents::Text { text, pos } => {
            let mut end = text_line_end(text, *pos, newline.as_deref());
            if let Some(n) = limit {
                let by_chars = text[*pos..]
                    .char_indices()
                    .nth(n)
                    .map_or(text.len(), |(i, _)| *pos + i);
                end = end.min(by_chars);
            }
            let line = text[*pos..end].to_string();
            *pos = end;
            Ok(object::new_str(line))
        }
        Contents::Bytes { bytes, pos } => {
            let rest = &bytes[*pos..];
            let mut end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |i| i + 1);
            if let Some(n) = limit {
                end = end.min(n);
            }
            let line = rest[..end].to_vec();
            *pos += end;
            Ok(object::new_bytes(line))
        }
        Contents::NotLoaded => Ok(object::new_str(String::new())),
    }
}

fn read(f: &mut FileObj, limit: Option<usize>) -> PyResult<Word> {
    load(f)?;
    match &mut f.contents {
        Contents::Text { text, pos } => {
            let end = match limit {
                None => text.len(),
                Some(n) => text[*pos..]
                    .char_indices()
                    .nth(n)
                    .map_or(text.len(), |(i, _)| *pos + i),
            };
            let part = text[*pos..end].to_string();
            *pos = end;
            Ok(object::new_str(part))
        }
        Contents::Bytes { bytes, pos } => {
            let end = limit.map_or(bytes.len(), |n| (*pos + n).min(bytes.len()));
            let part = bytes[*pos..end].to_vec();
            *pos = end;
            Ok(object::new_bytes(part))
        }
        Contents::NotLoaded => Ok(object::new_str(String::new())),
    }
}

fn at_end(w: Word) -> bool {
    object::as_str(w).is_some_and(|s| s.value.is_empty())
        || object::as_bytes(w).is_some_and(|b| b.value.is_empty())
}

/// The bytes `value` writes to `f`, or CPython's `TypeError`.
fn encode_for_write(f: &FileObj, value: Word) -> PyResult<(Vec<u8>, usize)> {
    if f.class == FileClass::TextIOWrapper {
        let Some(s) = object::as_str(value) else {
            let ty = if value == abi::NONE {
                "None"
            } else {
                object::type_name(value)
            };
            return exc::type_error(format!("write() argument must be str, not {ty}"));
        };
        let translated = match f.newline.as_deref() {
            Some(nl @ ("\r" | "\r\n")) => s.value.replace('\n', nl),
            _ => s.value.clone(),
        };
        return match sm::str_encode(&translated, &f.encoding, &f.errors) {
            Ok(bytes) => Ok((bytes, s.char_len)),
            Err(e) => raise_str_error(e),
        };
    }
    if let Some(b) = object::as_bytes(value) {
        return Ok((b.value.clone(), b.value.len()));
    }
    if let Some(a) = crate::array::as_array(value) {
        let bytes = crate::array::to_bytes(a);
        let n = bytes.len();
        return Ok((bytes, n));
    }
    exc::type_error(format!(
        "a bytes-like object is required, not '{}'",
        object::type_name(value)
    ))
}

fn write(f: &mut FileObj, value: Word) -> PyResult<usize> {
    let (bytes, count) = encode_for_write(f, value)?;
    match &mut f.target {
        Some(Target::Stdout) => crate::io::write_stdout(&String::from_utf8_lossy(&bytes)),
        Some(Target::Stderr) => {
            crate::io::flush_stdout();
            crate::io::write_stderr(&String::from_utf8_lossy(&bytes));
        }
        Some(Target::Disk(handle)) => {
            if let Err(e) = handle.write_all(&bytes) {
                return raise_os_error(&e, &f.name);
            }
        }
        None => {}
    }
    Ok(count)
}

/// Writes text a `print()` produced.
pub fn print_to(w: Word, text: &str) -> PyResult<()> {
    let Some(f) = as_file(w) else {
        return exc::type_error("skink: print() to this file is not supported");
    };
    check(f, "write")?;
    let s = Owned(object::new_str(text.to_string()));
    write(f, s.0).map(|_| ())
}

pub const METHODS: &[&str] = &[
    "read",
    "readline",
    "readlines",
    "write",
    "writelines",
    "close",
    "flush",
    "readable",
    "writable",
    "__enter__",
    "__exit__",
    "__iter__",
    "__next__",
];

pub fn call_method(w: Word, name: &str, args: &[Word], kw: &Kw) -> PyResult<Word> {
    let Some(f) = as_file(w) else {
        return crate::methods::no_attribute(w, name);
    };
    crate::methods::no_kw(f.class.name(), name, kw)?;
    let op: &'static str = match METHODS.iter().find(|&&m| m == name) {
        Some(m) => m,
        None => return crate::methods::no_attribute(w, name),
    };
    match op {
        "close" | "__exit__" => {
            if op == "close" {
                crate::methods::arity("close", args, 0, 0)?;
            }
            if matches!(f.target, Some(Target::Disk(_))) {
                f.target = None;
                f.contents = Contents::NotLoaded;
            }
            return Ok(abi::NONE);
        }
        "readable" | "writable" => {
            if f.target.is_none() {
                return exc::value_error("I/O operation on closed file.");
            }
            return Ok(abi::bool_word(if op == "readable" {
                f.readable
            } else {
                f.writable
            }));
        }
        _ => {}
    }
    check(f, op)?;
    match op {
        "read" => read(f, size_arg(args, "read")?),
        "readline" => readline(f, size_arg(args, "readline")?),
        "readlines" => {
            let hint = size_arg(args, "readlines")?;
            let mut lines = Vec::new();
            let mut total = 0usize;
            loop {
                let line = readline(f, None)?;
                if at_end(line) {
                    object::decref(line);
                    break;
                }
                total += crate::builtins::length(line)?;
                lines.push(line);
                if hint.is_some_and(|h| h > 0 && total >= h) {
                    break;
                }
            }
            Ok(object::new_list(lines))
        }
        "write" => {
            let value = crate::methods::one_arg(f.class.name(), "write", args)?;
            write(f, value).map(|n| int::from_i64(n as i64))
        }
        "writelines" => {
            let lines = crate::methods::one_arg(f.class.name(), "writelines", args)?;
            let it = Owned(crate::iter::iter(lines)?);
            loop {
                let item = crate::iter::next(it.0)?;
                if item == abi::STOP {
                    return Ok(abi::NONE);
                }
                let item = Owned(item);
                let f = as_file(w).expect("checked above");
                check(f, "writelines")?;
                write(f, item.0)?;
            }
        }
        "flush" => {
            if matches!(f.target, Some(Target::Stdout)) {
                crate::io::flush_stdout();
            }
            Ok(abi::NONE)
        }
        "__enter__" | "__iter__" => {
            object::incref(w);
            Ok(w)
        }
        _ => {
            let line = readline(f, None)?;
            if at_end(line) {
                object::decref(line);
                let empty = object::new_tuple(Vec::new());
                return exc::raise_object(object::new_exception(ExcType::StopIteration, empty));
            }
            Ok(line)
        }
    }
}

/// `iter(f)`: the file itself, if it is open.
pub fn iter(w: Word) -> PyResult<Word> {
    if let Some(f) = as_file(w)
        && f.target.is_none()
    {
        return exc::value_error("I/O operation on closed file.");
    }
    object::incref(w);
    Ok(w)
}

/// `next(f)`: the next line, or `STOP` at the end.
pub fn next(w: Word) -> PyResult<Word> {
    let Some(f) = as_file(w) else {
        return Ok(abi::STOP);
    };
    check(f, "__next__")?;
    let line = readline(f, None)?;
    if at_end(line) {
        object::decref(line);
        return Ok(abi::STOP);
    }
    Ok(line)
}

/// `f.name`, `f.mode`, `f.closed`, `f.encoding`, `f.errors`.
pub fn getattr(f: &FileObj, name: &str) -> Option<Word> {
    let text = f.class == FileClass::TextIOWrapper;
    Some(match name {
        "name" => object::new_str(f.name.clone()),
        "mode" => object::new_str(f.mode.clone()),
        "closed" => abi::bool_word(f.target.is_none()),
        "encoding" if text => object::new_str(f.encoding.clone()),
        "errors" if text => object::new_str(f.errors.clone()),
        _ => return None,
    })
}

/// CPython's repr: `<_io.TextIOWrapper name='x' mode='w' encoding='UTF-8'>`.
pub fn repr(f: &FileObj) -> PyResult<String> {
    let name = crate::ops::repr_of(Owned(object::new_str(f.name.clone())).0)?;
    if f.target.is_none() && f.class != FileClass::TextIOWrapper {
        return Ok(format!("<_io.{} name={name}>", f.class.name()));
    }
    Ok(match f.class {
        FileClass::TextIOWrapper => format!(
            "<_io.TextIOWrapper name={name} mode='{}' encoding='{}'>",
            f.mode, f.encoding
        ),
        c => format!("<_io.{} name={name}>", c.name()),
    })
}
