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

/// A function's machine code, ready to be placed in the object.
struct Compiled {
    alignment: u64,
    bytes: Vec<u8>,
    relocs: Vec<ModuleReloc>,
}

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
    let slots: Vec<Mutex<Option<Result<Compiled, String>>>> =
        pending.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let isa = obj.isa();
    let work = |pending: &[Mutex<Pending>]| {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let mut p = pending[i].lock().unwrap_or_else(|e| e.into_inner());
            let result = compile_one(isa, &mut p);
            *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
        }
    };
    let ids: Vec<FuncId> = pending.iter().map(|p| p.id).collect();
    let pending: Vec<Mutex<Pending>> = pending.into_iter().map(Mutex::new).collect();
    if threads == 1 {
        work(&pending);
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| work(&pending));
            }
        });
    }
    for (id, slot) in ids.into_iter().zip(slots) {
        let compiled = slot
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .ok_or("a function was not compiled")??;
        obj.define_function_bytes(id, compiled.alignment, &compiled.bytes, &compiled.relocs)
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn compile_one(isa: &dyn TargetIsa, p: &mut Pending) -> Result<Compiled, String> {
    let id = p.id;
    let code = p
        .ctx
        .compile(isa, &mut ControlPlane::default())
        .map_err(|e| format!("{}: {:?}", p.what, e.inner))?;
    let alignment = u64::from(code.buffer.alignment);
    let bytes = code.buffer.data().to_vec();
    let finalized: Vec<_> = code.buffer.relocs().to_vec();
    let relocs = finalized
        .iter()
        .map(|r| ModuleReloc::from_mach_reloc(r, &p.ctx.func, id))
        .collect();
    Ok(Compiled {
        alignment,
        bytes,
        relocs,
    })
}
