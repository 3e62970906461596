//! Compiling the module's functions on every core. Translating MIR to
//! Cranelift IR declares names in the object module and stays sequential; the
//! machine-code compilation of each function (most of a build's time) depends
//! only on its own IR, so the functions compile on worker threads and are then
//! defined in the object in the order they were translated. The object file is
//! the same whatever the number of threads.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::isa::TargetIsa;
use cranelift_module::{FuncId, Module as _, ModuleReloc};
use cranelift_object::ObjectModule;

/// The environment variable that sets the number of threads (a positive
/// number); without it, one per core.
pub(super) const THREADS_VAR: &str = "SKINK_THREADS";

/// A translated function waiting for its machine code.
pub(super) struct Pending {
    pub(super) id: FuncId,
    pub(super) ctx: Context,
    /// What the function is, for an error message.
    pub(super) what: String,
}

/// A function with the outcome of its compilation (`None`: not yet compiled).
type Job = (Pending, Option<Result<(), String>>);

/// Compiles `pending` on up to `threads` threads (the machine's cores when
/// `None`) and defines each function in `obj`, in the order of `pending`.
pub(super) fn define_all(
    obj: &mut ObjectModule,
    pending: Vec<Pending>,
    threads: Option<NonZeroUsize>,
) -> Result<(), String> {
    let threads = threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
        .min(pending.len().max(1));
    // Largest first, so that no thread is left with a big function at the end.
    let mut order: Vec<usize> = (0..pending.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(pending[i].ctx.func.dfg.num_insts()));
    let jobs: Vec<Mutex<Job>> = pending.into_iter().map(|p| Mutex::new((p, None))).collect();
    let next = AtomicUsize::new(0);
    let isa = obj.isa();
    let work = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let mut job = jobs[i].lock().unwrap_or_else(|e| e.into_inner());
            let (p, outcome) = &mut *job;
            *outcome = Some(compile(isa, p));
        }
    };
    if threads == 1 {
        work();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(work);
            }
        });
    }
    for job in jobs {
        let (p, outcome) = job.into_inner().unwrap_or_else(|e| e.into_inner());
        outcome.ok_or("a function was not compiled")??;
        let code = p.ctx.compiled_code().ok_or("compiled code is missing")?;
        let relocs: Vec<ModuleReloc> = code
            .buffer
            .relocs()
            .iter()
            .map(|r| ModuleReloc::from_mach_reloc(r, &p.ctx.func, p.id))
            .collect();
        let alignment = u64::from(code.buffer.alignment);
        obj.define_function_bytes(p.id, alignment, code.buffer.data(), &relocs)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Compiles one function; its machine code stays in its context.
fn compile(isa: &dyn TargetIsa, p: &mut Pending) -> Result<(), String> {
    p.ctx
        .compile(isa, &mut ControlPlane::default())
        .map(|_| ())
        .map_err(|e| format!("{}: {:?}", p.what, e.inner))
}
