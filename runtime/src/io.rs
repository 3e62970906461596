//! Standard streams. stdout is block-buffered like CPython's when it is not a
//! terminal and line-buffered when it is; stderr is written at once.

use std::cell::{Cell, RefCell};
use std::io::{IsTerminal, Write};

const BUFFER_LIMIT: usize = 64 * 1024;

thread_local! {
    static STDOUT_BUFFER: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(BUFFER_LIMIT));
    static LINE_BUFFERED: Cell<Option<bool>> = const { Cell::new(None) };
}

fn line_buffered() -> bool {
    LINE_BUFFERED.with(|lb| {
        *lb.get().get_or_insert_with(|| {
            let tty = std::io::stdout().is_terminal();
            lb.set(Some(tty));
            tty
        })
    })
}

pub fn write_stdout(text: &str) {
    let flush = STDOUT_BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(text.as_bytes());
        b.len() >= BUFFER_LIMIT || (line_buffered() && text.contains('\n'))
    });
    if flush {
        flush_stdout();
    }
}

pub fn flush_stdout() {
    STDOUT_BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        let mut out = std::io::stdout().lock();
        // A closed pipe cannot be reported anywhere useful; the bytes are dropped.
        let _ = out.write_all(&b).and_then(|()| out.flush());
        b.clear();
    });
}

pub fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
