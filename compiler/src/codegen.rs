//! MIR -> Cranelift IR -> object file. Each MIR function becomes one native
//! function over 64-bit words; runtime calls follow the `skink_abi::RtFn` table,
//! with small-int fast paths inlined for arithmetic (`+ - * // % & | ^ >>` and
//! their in-place forms), comparisons and truth tests. Every
//! may-raise op branches to a landing block that releases what the ownership pass
//! says, records the traceback line and goes to the block's handler, or to the
//! function's exit, which releases the locals and returns `NULL`.

use std::collections::{HashMap, HashSet};

use cranelift_codegen::entity::{EntityRef, SecondaryMap};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    AbiParam, BlockArg, InstBuilder, InstructionData, MemFlagsData, Opcode, Signature,
    StackSlotData, StackSlotKind, TrapCode, Value, ValueDef, types,
};
use cranelift_codegen::isa::{self, CallConv, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::{Context, ir};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Variable};
use cranelift_module::{DataDescription, DataId, Linkage, Module as _};
use cranelift_object::{ObjectBuilder, ObjectModule};
use skink_abi::{self as abi, AbiType, Raises, RtFn};

mod float_returns;
use float_returns::UserCall;
mod parallel;
mod pure_leaves;
mod sequences;
mod small_floats;
mod small_ints;
mod small_ranges;

use crate::inject;
use crate::mir::ownership::{self, Releases};
use crate::mir::{self, Arg, Const, Inst, Terminator, Ty};

const WORD: ir::Type = types::I64;
const UNREACHABLE: TrapCode = match TrapCode::user(1) {
    Some(t) => t,
    None => panic!("user trap code 1 is valid"),
};

/// Whether to keep the CLIF text of every function (for `skink ir --stage clif`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Clif {
    Keep,
    Drop,
}

/// The object file and, if kept, the CLIF text of every function.
pub struct Output {
    pub object: Vec<u8>,
    pub clif: String,
}

fn target_isa() -> Result<OwnedTargetIsa, String> {
    let mut flags = settings::builder();
    // Debian links position-independent executables.
    flags.set("is_pic", "true").map_err(|e| e.to_string())?;
    flags.set("opt_level", "speed").map_err(|e| e.to_string())?;
    // Cranelift's IR verifier took a third of the compile time. Debug builds of
    // skink (every test) keep it on, so the code generator is still checked.
    let verify = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    flags
        .set("enable_verifier", verify)
        .map_err(|e| e.to_string())?;
    // The host triple with baseline features, so the same input gives the same
    // binary on every machine of this kind.
    let builder = isa::lookup_by_name(HOST_TRIPLE).map_err(|e| e.to_string())?;
    builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| e.to_string())
}

/// The int ops with an inline path for two small ints (besides `+` and `-`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SmallOp {
    Mul,
    FloorDiv,
    Mod,
    And,
    Or,
    Xor,
    RShift,
}

impl SmallOp {
    /// The op of a binary runtime function, or of `Inplace` with its code.
    fn of(f: RtFn, inplace: Option<i64>) -> Option<SmallOp> {
        use abi::inplace as code;
        Some(match (f, inplace) {
            (RtFn::Mul, None) | (RtFn::Inplace, Some(code::MUL)) => SmallOp::Mul,
            (RtFn::FloorDiv, None) | (RtFn::Inplace, Some(code::FLOORDIV)) => SmallOp::FloorDiv,
            (RtFn::Mod, None) | (RtFn::Inplace, Some(code::MOD)) => SmallOp::Mod,
            (RtFn::BitAnd, None) | (RtFn::Inplace, Some(code::AND)) => SmallOp::And,
            (RtFn::BitOr, None) | (RtFn::Inplace, Some(code::OR)) => SmallOp::Or,
            (RtFn::BitXor, None) | (RtFn::Inplace, Some(code::XOR)) => SmallOp::Xor,
            (RtFn::RShift, None) | (RtFn::Inplace, Some(code::RSHIFT)) => SmallOp::RShift,
            _ => return None,
        })
    }
}

/// Float arithmetic with an inline path for two float objects: on two floats
/// each is the IEEE operation (`/` by a nonzero divisor), as the runtime's
/// `binary_as` does before any other dispatch.
#[derive(Clone, Copy)]
enum FloatArith {
    Add,
    Sub,
    Mul,
    Div,
    /// A comparison: IEEE's ordered ones, and `!=` true when either is a NaN.
    Compare(FloatCC),
}

/// The float comparison of a comparison runtime function.
fn float_cc(f: RtFn) -> Option<FloatCC> {
    Some(match f {
        RtFn::Lt => FloatCC::LessThan,
        RtFn::Le => FloatCC::LessThanOrEqual,
        RtFn::Gt => FloatCC::GreaterThan,
        RtFn::Ge => FloatCC::GreaterThanOrEqual,
        RtFn::Eq => FloatCC::Equal,
        RtFn::Ne => FloatCC::NotEqual,
        _ => return None,
    })
}

/// The machine comparison of a comparison runtime function on two small ints
/// (tagged words compare as the ints they stand for).
fn int_cc(f: RtFn) -> Option<IntCC> {
    Some(match f {
        RtFn::Lt => IntCC::SignedLessThan,
        RtFn::Le => IntCC::SignedLessThanOrEqual,
        RtFn::Gt => IntCC::SignedGreaterThan,
        RtFn::Ge => IntCC::SignedGreaterThanOrEqual,
        RtFn::Eq => IntCC::Equal,
        RtFn::Ne => IntCC::NotEqual,
        _ => return None,
    })
}

/// The target this compiler was built for (and runs on).
const HOST_TRIPLE: &str = env!("SKINK_HOST_TRIPLE");

/// Whether runtime function `f` may read the recursion count: it may call a
/// compiled function, or free an object (a suspended generator's `finally`
/// blocks run when it is freed). Only constructors and lookups that release
/// nothing are known not to.
fn may_read_depth(f: RtFn) -> bool {
    !matches!(
        f,
        RtFn::ConstStr
            | RtFn::ConstInt
            | RtFn::ConstBytes
            | RtFn::ConstFloat
            | RtFn::ConstNames
            | RtFn::ConstCode
            | RtFn::RangeField
            | RtFn::TupleNew
            | RtFn::ListNew
            | RtFn::SliceNew
            | RtFn::LoadBuiltin
            | RtFn::CellNew
            | RtFn::ClosureCell
            | RtFn::TracebackAdd
            | RtFn::FloatNew
            | RtFn::FloatPowPositive
            | RtFn::FloatMod
    )
}

/// Whether `f` stores its depth before each runtime call that may read it
/// rather than on entry and after each call of a compiled function (see
/// `FnTranslator::enter_frame`): when it calls compiled functions, whose
/// depth it would store again after each, and has no loops, in which a
/// runtime call may run many times.
fn stores_depth_lazily(f: &mir::Function) -> bool {
    let calls_compiled = f
        .blocks
        .values()
        .any(|b| b.insts.iter().any(|i| matches!(i, Inst::CallUser { .. })));
    calls_compiled && !ownership::has_loop(f)
}

fn machine_type(t: Ty) -> ir::Type {
    match t {
        Ty::Word => WORD,
        Ty::I32 => types::I32,
        Ty::F64 => types::F64,
    }
}

fn abi_type(t: AbiType) -> ir::Type {
    match t {
        AbiType::Value | AbiType::I64 | AbiType::Ptr => types::I64,
        AbiType::I32 => types::I32,
        AbiType::F64 => types::F64,
    }
}

fn rt_signature(f: RtFn, call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params
        .extend(f.params().iter().map(|&p| AbiParam::new(abi_type(p))));
    sig.returns
        .extend(f.ret().map(|r| AbiParam::new(abi_type(r))));
    sig
}

/// A compiled function's native signature: the function object (for its closure)
/// and one word per parameter slot; the module function takes nothing.
/// `float_abi`: the function returns its floats unboxed (`float_returns`).
fn user_signature(f: &mir::Function, call_conv: CallConv, float_abi: bool) -> Signature {
    let mut sig = Signature::new(call_conv);
    if !f.is_module {
        // The function object, then the depth the frame starts at (see `enter_frame`).
        sig.params.push(AbiParam::new(WORD));
        sig.params.push(AbiParam::new(types::I64));
        sig.params.extend(
            f.params
                .iter()
                .map(|&p| AbiParam::new(machine_type(f.local_tys[p]))),
        );
    }
    sig.returns.push(AbiParam::new(WORD));
    if float_abi {
        sig.returns.push(AbiParam::new(types::F64));
    }
    sig
}

/// The entry calls through a value use: (function object, pointer to the slots).
fn array_entry_signature(call_conv: CallConv) -> Signature {
    let mut sig = Signature::new(call_conv);
    sig.params
        .extend([AbiParam::new(WORD), AbiParam::new(types::I64)]);
    sig.returns.push(AbiParam::new(WORD));
    sig
}

fn symbol_name(id: mir::FuncId, f: &mir::Function) -> String {
    if f.is_module {
        return "skink_module".into();
    }
    let clean: String = f
        .name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("skink_fn{}_{clean}", id.index())
}

struct Codegen {
    obj: ObjectModule,
    call_conv: CallConv,
    rt: HashMap<RtFn, cranelift_module::FuncId>,
    funcs: SecondaryMap<mir::FuncId, Option<cranelift_module::FuncId>>,
    /// The array entry of each function (see `array_entry_signature`).
    array_entries: SecondaryMap<mir::FuncId, Option<cranelift_module::FuncId>>,
    /// For a generator function: its compiled body and the body's array entry
    /// (the entries above make the generator).
    gen_bodies:
        SecondaryMap<mir::FuncId, Option<(cranelift_module::FuncId, cranelift_module::FuncId)>>,
    texts: HashMap<String, DataId>,
    globals: DataId,
    consts: DataId,
    /// The runtime's count of frames in use, and its recursion limit.
    depth: DataId,
    recursion_limit: DataId,
    /// The inline caches of attribute sites, `abi::ATTR_CACHE_WORDS` zeroed
    /// words each; defined once every function is compiled.
    attr_caches: DataId,
    attr_cache_count: usize,
    /// One zeroed word per builtin name the program loads, filled with the
    /// (immortal) builtin object at its first load; defined at the end.
    builtin_slots: DataId,
    builtin_slot_of: HashMap<String, usize>,
    /// The runtime's version of classes and instance layouts (`abi::ATTR_VERSION_SYMBOL`).
    attr_version: DataId,
    /// The runtime's list of kept float objects (`abi::FLOAT_FREE_SYMBOL`).
    float_free: DataId,
    /// The functions that only return floats (`mir::speculate::float_returning`).
    float_returning: HashSet<mir::FuncId>,
    /// Whether a float object only one place refers to may be overwritten
    /// with the float replacing it (`replace_with_float`): not in a program
    /// that names `id`, the only way to tell.
    float_reuse: bool,
    /// The functions that return floats unboxed (`float_returns`).
    float_abi: HashSet<mir::FuncId>,
    keep_clif: Clif,
    clif: String,
    /// Translated functions, compiled together at the end (see `parallel`).
    pending: Vec<parallel::Pending>,
}

/// Whether any function of `module` loads the builtin `name`.
fn names_builtin(module: &mir::Module, name: &str) -> bool {
    module
        .funcs
        .values()
        .flat_map(|f| f.blocks.values())
        .flat_map(|b| &b.insts)
        .any(|inst| {
            matches!(inst, Inst::Call { func: RtFn::LoadBuiltin, args, .. }
                if matches!(args.as_slice(), [Arg::Text(t)] if t == name))
        })
}

/// Compiles a MIR module to an object file.
pub fn compile(module: &mir::Module, keep_clif: Clif) -> Result<Output, String> {
    let isa = target_isa()?;
    let call_conv = isa.default_call_conv();
    let builder = ObjectBuilder::new(
        isa,
        "skink_program",
        cranelift_module::default_libcall_names(),
    )
    .map_err(|e| e.to_string())?;
    let mut obj = ObjectModule::new(builder);
    let globals = zeroed_data(&mut obj, "skink_globals", module.globals.len())?;
    let consts = zeroed_data(&mut obj, "skink_consts", module.consts.len())?;
    let depth = obj
        .declare_data(abi::DEPTH_SYMBOL, Linkage::Import, true, false)
        .map_err(|e| e.to_string())?;
    let recursion_limit = obj
        .declare_data(abi::RECURSION_LIMIT_SYMBOL, Linkage::Import, true, false)
        .map_err(|e| e.to_string())?;
    let attr_caches = obj
        .declare_data("skink_attr_caches", Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let builtin_slots = obj
        .declare_data("skink_builtin_slots", Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let attr_version = obj
        .declare_data(abi::ATTR_VERSION_SYMBOL, Linkage::Import, true, false)
        .map_err(|e| e.to_string())?;
    let float_free = obj
        .declare_data(abi::FLOAT_FREE_SYMBOL, Linkage::Import, true, false)
        .map_err(|e| e.to_string())?;
    let mut cg = Codegen {
        obj,
        call_conv,
        rt: HashMap::new(),
        funcs: SecondaryMap::new(),
        array_entries: SecondaryMap::new(),
        gen_bodies: SecondaryMap::new(),
        texts: HashMap::new(),
        globals,
        consts,
        depth,
        recursion_limit,
        attr_caches,
        attr_cache_count: 0,
        builtin_slots,
        builtin_slot_of: HashMap::new(),
        attr_version,
        float_free,
        float_returning: mir::speculate::float_returning(module),
        float_reuse: !names_builtin(module, "id"),
        float_abi: float_returns::float_abi_functions(module),
        keep_clif,
        clif: String::new(),
        pending: Vec::new(),
    };
    for &f in RtFn::ALL {
        let id = cg
            .obj
            .declare_function(f.symbol(), Linkage::Import, &rt_signature(f, call_conv))
            .map_err(|e| e.to_string())?;
        cg.rt.insert(f, id);
    }
    for (id, f) in &module.funcs {
        let sig = user_signature(f, call_conv, cg.float_abi.contains(&id));
        let fid = cg
            .obj
            .declare_function(&symbol_name(id, f), Linkage::Local, &sig)
            .map_err(|e| e.to_string())?;
        cg.funcs[id] = Some(fid);
        if !f.is_module && !f.specialized {
            let name = format!("{}_array", symbol_name(id, f));
            let aid = cg
                .obj
                .declare_function(&name, Linkage::Local, &array_entry_signature(call_conv))
                .map_err(|e| e.to_string())?;
            cg.array_entries[id] = Some(aid);
        }
        if f.is_generator {
            let body = cg
                .obj
                .declare_function(
                    &format!("{}_body", symbol_name(id, f)),
                    Linkage::Local,
                    &sig,
                )
                .map_err(|e| e.to_string())?;
            let body_array = cg
                .obj
                .declare_function(
                    &format!("{}_body_array", symbol_name(id, f)),
                    Linkage::Local,
                    &array_entry_signature(call_conv),
                )
                .map_err(|e| e.to_string())?;
            cg.gen_bodies[id] = Some((body, body_array));
        }
    }
    for (id, f) in &module.funcs {
        let native = cg.funcs[id].ok_or("undeclared function")?;
        let array = cg.array_entries[id];
        match (cg.gen_bodies[id], array) {
            (Some((body, body_array)), Some(array)) => {
                cg.function(module, id, f, body)?;
                cg.array_entry(f, body, body_array)?;
                cg.generator_entries(f, native, array, body_array)?;
            }
            (_, Some(array)) => {
                cg.function(module, id, f, native)?;
                cg.array_entry(f, native, array)?;
            }
            (_, None) => cg.function(module, id, f, native)?,
        }
    }
    cg.main(module)?;
    let threads = std::env::var(parallel::THREADS_VAR)
        .ok()
        .and_then(|n| n.parse().ok());
    parallel::define_all(&mut cg.obj, std::mem::take(&mut cg.pending), threads)?;
    let mut caches = DataDescription::new();
    caches.define_zeroinit(cg.attr_cache_count.max(1) * abi::ATTR_CACHE_WORDS * 8);
    caches.set_align(8);
    cg.obj
        .define_data(cg.attr_caches, &caches)
        .map_err(|e| e.to_string())?;
    let mut slots = DataDescription::new();
    slots.define_zeroinit(cg.builtin_slot_of.len().max(1) * 8);
    slots.set_align(8);
    cg.obj
        .define_data(cg.builtin_slots, &slots)
        .map_err(|e| e.to_string())?;
    let product = cg.obj.finish();
    let object = product.emit().map_err(|e| e.to_string())?;
    Ok(Output {
        object,
        clif: cg.clif,
    })
}

fn zeroed_data(obj: &mut ObjectModule, name: &str, words: usize) -> Result<DataId, String> {
    let id = obj
        .declare_data(name, Linkage::Local, true, false)
        .map_err(|e| e.to_string())?;
    let mut desc = DataDescription::new();
    desc.define_zeroinit(words.max(1) * 8);
    desc.set_align(8);
    obj.define_data(id, &desc).map_err(|e| e.to_string())?;
    Ok(id)
}

impl Codegen {
    /// Queues a translated function for compilation.
    fn define(&mut self, id: cranelift_module::FuncId, ctx: Context, what: String) {
        self.pending.push(parallel::Pending { id, ctx, what });
    }

    fn text(&mut self, s: &str) -> Result<DataId, String> {
        if let Some(&id) = self.texts.get(s) {
            return Ok(id);
        }
        let name = format!("skink_text{}", self.texts.len());
        let id = self
            .obj
            .declare_data(&name, Linkage::Local, false, false)
            .map_err(|e| e.to_string())?;
        let mut desc = DataDescription::new();
        desc.define(s.as_bytes().to_vec().into_boxed_slice());
        self.obj.define_data(id, &desc).map_err(|e| e.to_string())?;
        self.texts.insert(s.to_string(), id);
        Ok(id)
    }

    /// `fn(func, slots) -> Word`: loads the slots and calls the native entry `fid`.
    fn array_entry(
        &mut self,
        f: &mir::Function,
        fid: cranelift_module::FuncId,
        aid: cranelift_module::FuncId,
    ) -> Result<(), String> {
        let mut ctx = self.obj.make_context();
        ctx.func.signature = array_entry_signature(self.call_conv);
        let mut fbc = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (func, slots) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        // Called by the runtime: the frame starts at the runtime's depth.
        let depth_gv = self.obj.declare_data_in_func(self.depth, b.func);
        let depth_addr = b.ins().symbol_value(types::I64, depth_gv);
        let depth = b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), depth_addr, 0);
        let mut args = vec![func, depth];
        for i in 0..f.params.len() {
            let v = b
                .ins()
                .load(WORD, MemFlagsData::trusted(), slots, (i * 8) as i32);
            args.push(v);
        }
        let callee = self.obj.declare_func_in_func(fid, b.func);
        let call = b.ins().call(callee, &args);
        let r = b.inst_results(call)[0];
        if !f.is_generator {
            // The callee leaves its own depth in the count (see `enter_frame`);
            // a generator's body gives the count back itself, wherever it ends.
            b.ins().store(MemFlagsData::trusted(), depth, depth_addr, 0);
        }
        b.ins().return_(&[r]);
        b.seal_all_blocks();
        b.finalize(self.obj.target_config());
        self.define(aid, ctx, format!("{} (array entry)", f.name));
        Ok(())
    }

    /// A generator function's entries: both make a generator over the body (by
    /// its array entry) with the slot values, instead of running it.
    fn generator_entries(
        &mut self,
        f: &mir::Function,
        native: cranelift_module::FuncId,
        array: cranelift_module::FuncId,
        body_array: cranelift_module::FuncId,
    ) -> Result<(), String> {
        let n = f.params.len();
        for (fid, by_array) in [(native, false), (array, true)] {
            let mut ctx = self.obj.make_context();
            ctx.func.signature = if by_array {
                array_entry_signature(self.call_conv)
            } else {
                user_signature(f, self.call_conv, false)
            };
            let mut fbc = FunctionBuilderContext::new();
            let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
            let entry = b.create_block();
            b.append_block_params_for_function_params(entry);
            b.switch_to_block(entry);
            let params = b.block_params(entry).to_vec();
            let func = params[0];
            let ptr = if by_array {
                params[1]
            } else {
                let slot = b.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    (n.max(1) * 8) as u32,
                    3,
                ));
                // The arguments follow the function object and the depth.
                for (i, &v) in params[2..].iter().enumerate() {
                    b.ins().stack_store(types::I64, v, slot, (i * 8) as i32);
                }
                b.ins().stack_addr(types::I64, slot, 0)
            };
            let body_ref = self.obj.declare_func_in_func(body_array, b.func);
            let body_addr = b.ins().func_addr(types::I64, body_ref);
            let count = b.ins().iconst(types::I64, n as i64);
            let gen_new = self
                .obj
                .declare_func_in_func(self.rt[&RtFn::GenNew], b.func);
            let call = b.ins().call(gen_new, &[func, body_addr, ptr, count]);
            let r = b.inst_results(call)[0];
            b.ins().return_(&[r]);
            b.seal_all_blocks();
            b.finalize(self.obj.target_config());
            self.define(fid, ctx, format!("{} (generator entry)", f.name));
        }
        Ok(())
    }

    fn main(&mut self, module: &mir::Module) -> Result<(), String> {
        let mut sig = Signature::new(self.call_conv);
        sig.params
            .extend([AbiParam::new(types::I32), AbiParam::new(types::I64)]);
        sig.returns.push(AbiParam::new(types::I32));
        let main = self
            .obj
            .declare_function("main", Linkage::Export, &sig)
            .map_err(|e| e.to_string())?;
        let fingerprint = self
            .obj
            .declare_data(&abi::fingerprint_symbol(), Linkage::Import, false, false)
            .map_err(|e| e.to_string())?;
        let file = self.text(&module.file)?;
        let mut ctx = self.obj.make_context();
        ctx.func.signature = sig;
        let mut fbc = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let (argc, argv) = (b.block_params(entry)[0], b.block_params(entry)[1]);
        // Referencing the fingerprint makes a runtime of another ABI fail to link.
        let gv = self.obj.declare_data_in_func(fingerprint, b.func);
        let addr = b.ins().symbol_value(types::I64, gv);
        b.ins().load(types::I32, MemFlagsData::trusted(), addr, 0);
        let module_fn = self.funcs[module.main].ok_or("no module function")?;
        let module_ref = self.obj.declare_func_in_func(module_fn, b.func);
        let module_addr = b.ins().func_addr(types::I64, module_ref);
        let file_gv = self.obj.declare_data_in_func(file, b.func);
        let file_ptr = b.ins().symbol_value(types::I64, file_gv);
        let file_len = b.ins().iconst(types::I64, module.file.len() as i64);
        let rt_main = self.obj.declare_func_in_func(self.rt[&RtFn::Main], b.func);
        let call = b
            .ins()
            .call(rt_main, &[argc, argv, module_addr, file_ptr, file_len]);
        let code = b.inst_results(call)[0];
        b.ins().return_(&[code]);
        b.seal_all_blocks();
        b.finalize(self.obj.target_config());
        self.define(main, ctx, "main".into());
        Ok(())
    }

    fn function(
        &mut self,
        module: &mir::Module,
        id: mir::FuncId,
        f: &mir::Function,
        fid: cranelift_module::FuncId,
    ) -> Result<(), String> {
        let mut ctx: Context = self.obj.make_context();
        ctx.func.signature = user_signature(f, self.call_conv, self.float_abi.contains(&id));
        let returned = if self.float_abi.contains(&id) {
            float_returns::returned_boxes(f).unwrap_or_default()
        } else {
            HashSet::new()
        };
        let releases = ownership::analyze(f).map_err(|errors| {
            format!(
                "ownership check failed in {}: {}",
                f.name,
                errors.join("; ")
            )
        })?;
        let floats = small_floats::FloatFacts::analyze(
            f,
            &module.consts,
            &self.float_returning,
            &self.float_abi,
        );
        let small = small_ints::wanted(id, f, &floats).then(|| small_ints::SmallCopy {
            blocks: SecondaryMap::new(),
            values: SecondaryMap::new(),
            immediates: HashSet::new(),
            known: HashSet::new(),
            resumes: HashMap::new(),
            live: small_ints::Liveness::new(f, &releases),
            ranges: small_ranges::Ranges::default(),
            preds: small_ints::predecessors(f),
            vars: HashMap::new(),
            active: false,
            floats,
            shadows: HashMap::new(),
            unboxed_now: HashSet::new(),
            forwards: Vec::new(),
            loaded: Vec::new(),
            stored: Vec::new(),
        });
        let mut fbc = FunctionBuilderContext::new();
        let b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
        let mut t = FnTranslator {
            cg: self,
            module,
            f,
            b,
            blocks: SecondaryMap::new(),
            values: SecondaryMap::new(),
            vars: SecondaryMap::new(),
            unwind: None,
            immediates: HashSet::new(),
            releases,
            cur: (mir::BlockId::from_u32(0), 0),
            func_param: None,
            depth: None,
            inside: None,
            store_depth_lazily: stores_depth_lazily(f),
            small,
            returned,
            returned_f64: None,
        };
        t.translate()?;
        let FnTranslator { b, .. } = t;
        b.finalize(self.obj.target_config());
        if self.keep_clif == Clif::Keep {
            self.clif.push_str(&format!(
                "; {} ({})\n{}\n",
                f.name,
                symbol_name(id, f),
                ctx.func.display()
            ));
        }
        self.define(fid, ctx, f.name.clone());
        Ok(())
    }
}

struct FnTranslator<'a, 'b> {
    cg: &'a mut Codegen,
    module: &'a mir::Module,
    f: &'a mir::Function,
    b: FunctionBuilder<'b>,
    blocks: SecondaryMap<mir::BlockId, Option<ir::Block>>,
    values: SecondaryMap<mir::ValueId, Option<Value>>,
    vars: SecondaryMap<mir::LocalId, Option<Variable>>,
    /// The function's exit for an exception nobody here handles.
    unwind: Option<ir::Block>,
    /// Values known to be immediates (no reference count).
    immediates: HashSet<mir::ValueId>,
    releases: Releases,
    /// The MIR block and instruction being translated.
    cur: (mir::BlockId, usize),
    /// The running function object (not for the module function).
    func_param: Option<Value>,
    /// The depth this frame starts at, handed over by the caller (not for the
    /// module function nor a generator's body, which count in memory).
    depth: Option<Value>,
    /// This frame's own depth once entered (`depth + 1`), for a function
    /// handed its depth (see `enter_frame`).
    inside: Option<Value>,
    /// Whether the depth is stored before each runtime call that may read it
    /// rather than on entry and after each call of a compiled function (see
    /// `enter_frame`).
    store_depth_lazily: bool,
    /// The small-int copy of the body, when it has one (see `small_ints`).
    small: Option<small_ints::SmallCopy>,
    /// The boxes of the floats this function returns unboxed (empty when it
    /// returns words; see `float_returns`).
    returned: HashSet<mir::ValueId>,
    /// The returned box just skipped, and its f64.
    returned_f64: Option<(mir::ValueId, Value)>,
}

impl FnTranslator<'_, '_> {
    fn block(&self, b: mir::BlockId) -> ir::Block {
        self.blocks[b].expect("every MIR block has a Cranelift block")
    }

    fn val(&self, v: mir::ValueId) -> Value {
        self.values[v].expect("MIR values are defined before use")
    }

    fn var(&self, l: mir::LocalId) -> Variable {
        self.vars[l].expect("every local has a variable")
    }

    fn rt_call(&mut self, f: RtFn, args: &[Value]) -> Option<Value> {
        if let Some(inside) = self.inside
            && self.store_depth_lazily
            && may_read_depth(f)
        {
            let addr = self.data_addr(self.cg.depth);
            self.b.ins().store(MemFlagsData::trusted(), inside, addr, 0);
        }
        let fref = self
            .cg
            .obj
            .declare_func_in_func(self.cg.rt[&f], self.b.func);
        let call = self.b.ins().call(fref, args);
        self.b.inst_results(call).first().copied()
    }

    fn text(&mut self, s: &str) -> Result<(Value, Value), String> {
        let data = self.cg.text(s)?;
        let gv = self.cg.obj.declare_data_in_func(data, self.b.func);
        let ptr = self.b.ins().symbol_value(types::I64, gv);
        let len = self.b.ins().iconst(types::I64, s.len() as i64);
        Ok((ptr, len))
    }

    fn data_addr(&mut self, data: DataId) -> Value {
        let gv = self.cg.obj.declare_data_in_func(data, self.b.func);
        self.b.ins().symbol_value(types::I64, gv)
    }

    /// Calls `func`, or the faster copy of `speculate` when the arguments pass
    /// its test: both copies take the same words, so the two calls differ in
    /// their target only.
    fn call_user(
        &mut self,
        func: mir::FuncId,
        callee: mir::ValueId,
        args: &[mir::ValueId],
        speculate: Option<&mir::Speculation>,
    ) -> Result<Value, String> {
        let Some(s) = speculate else {
            return self.call_direct(func, callee, args);
        };
        let small = self.speculation_holds(s, args);
        let (fast, slow, join, r) = self.two_paths(small, WORD);
        self.b.switch_to_block(fast);
        let rf = self.call_direct(s.func, callee, args)?;
        self.b.ins().jump(join, &[BlockArg::Value(rf)]);
        self.b.switch_to_block(slow);
        let rs = self.call_direct(func, callee, args)?;
        self.b.ins().jump(join, &[BlockArg::Value(rs)]);
        self.b.switch_to_block(join);
        Ok(r)
    }

    /// Nonzero when the arguments in the int slots of `s` are small ints.
    fn speculation_holds(&mut self, s: &mir::Speculation, args: &[mir::ValueId]) -> Value {
        // Small ints have the tag bit set: the `and` of the words keeps it
        // when every one of them is a small int.
        let mut tags = self.val(args[s.ints[0]]);
        for &k in &s.ints[1..] {
            let w = self.val(args[k]);
            tags = self.b.ins().band(tags, w);
        }
        self.b.ins().band_imm_u(tags, 1)
    }

    /// Calls compiled function `func` directly; returns its result (`NULL` if it raised).
    fn call_direct(
        &mut self,
        func: mir::FuncId,
        callee: mir::ValueId,
        args: &[mir::ValueId],
    ) -> Result<Value, String> {
        Ok(self.call_direct_results(func, callee, args)?[0])
    }

    /// Calls compiled function `func` directly; returns its results (a word,
    /// `NULL` if it raised; and an f64 when it returns floats unboxed).
    fn call_direct_results(
        &mut self,
        func: mir::FuncId,
        callee: mir::ValueId,
        args: &[mir::ValueId],
    ) -> Result<Vec<Value>, String> {
        let fid = self.cg.funcs[func].ok_or("call of an undeclared function")?;
        let fref = self.cg.obj.declare_func_in_func(fid, self.b.func);
        let (callee, depth) = (self.val(callee), self.callee_depth());
        // A function calling itself passes `NULL` for the function object its
        // code never reads (a generator's entry does read it). Any word does:
        // the depth, which the call passes anyway, keeps a register from
        // holding the constant across every call.
        let unread =
            !self.module.funcs[func].is_generator && self.constant_word(callee) == Some(abi::NULL);
        let mut values = vec![if unread { depth } else { callee }, depth];
        values.extend(args.iter().map(|a| self.val(*a)));
        let call = self.b.ins().call(fref, &values);
        let r = self.b.inst_results(call).to_vec();
        // The callee may leave its own depth in the count (see `enter_frame`).
        if self.stores_depth_on_entry() {
            let addr = self.data_addr(self.cg.depth);
            self.b.ins().store(MemFlagsData::trusted(), depth, addr, 0);
        }
        Ok(r)
    }

    /// Branches to a landing block when `failed` is nonzero.
    pub(super) fn unwind_if(&mut self, failed: Value, line: u32) -> Result<(), String> {
        let cont = self.b.create_block();
        let fail = self.b.create_block();
        self.b.set_cold_block(fail);
        self.b.ins().brif(failed, fail, &[], cont, &[]);
        self.b.switch_to_block(fail);
        self.landing(line)?;
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// The way from a failed op to its handler: release what the ownership pass
    /// says, record the traceback line (unless re-raising), jump.
    fn landing(&mut self, line: u32) -> Result<(), String> {
        let release = self
            .releases
            .unwind
            .get(&self.cur)
            .cloned()
            .unwrap_or_default();
        for v in release {
            if !self.immediates.contains(&v) {
                let v = self.val(v);
                self.decref(v, false);
            }
        }
        if line != 0 {
            let (name_ptr, name_len) = self.text(&self.f.name.clone())?;
            let line = self.b.ins().iconst(types::I32, line as i64);
            self.rt_call(RtFn::TracebackAdd, &[name_ptr, name_len, line]);
        }
        let target = match self.f.blocks[self.cur.0].handler {
            Some(h) => self.block(h),
            None => self.unwind.expect("unwind block exists"),
        };
        self.b.ins().jump(target, &[]);
        Ok(())
    }

    fn release_all(&mut self, values: &[mir::ValueId]) {
        for &v in values {
            if !self.immediates.contains(&v) {
                let v = self.val(v);
                self.decref(v, false);
            }
        }
    }

    fn check_result(&mut self, f: RtFn, result: Option<Value>, line: u32) -> Result<(), String> {
        let Some(r) = result else { return Ok(()) };
        let failed = match f.raises() {
            Raises::Never => return Ok(()),
            Raises::OnNull => self.b.ins().icmp_imm_s(IntCC::Equal, r, 0),
            Raises::OnNegative => self.b.ins().icmp_imm_s(IntCC::SignedLessThan, r, 0),
        };
        self.unwind_if(failed, line)
    }

    /// Nonzero when `v` is a heap object (no tag bit set; `NULL` aside, which
    /// only `decref` of a nullable value meets, by a branch of its own).
    fn is_heap(&mut self, v: Value) -> Value {
        let low = self.b.ins().band_imm_s(v, abi::PTR_TAG_MASK);
        self.b.ins().icmp_imm_s(IntCC::Equal, low, 0)
    }

    fn incref(&mut self, v: Value) {
        let heap = self.is_heap(v);
        let (inc, cont) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(heap, inc, &[], cont, &[]);
        self.b.switch_to_block(inc);
        let rc = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), v, abi::REFCOUNT_OFFSET);
        let rc = self.b.ins().iadd_imm_s(rc, 1);
        self.b
            .ins()
            .store(MemFlagsData::trusted(), rc, v, abi::REFCOUNT_OFFSET);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    /// Branches to `yes` when `v` (whose `is_heap` test is `heap`) is an
    /// object, else to `no`; a `nullable` value may be `NULL`, no object.
    fn branch_on_object(
        &mut self,
        v: Value,
        heap: Value,
        nullable: bool,
        yes: ir::Block,
        no: ir::Block,
    ) {
        if nullable {
            // Two branches rather than a conjunction of flags: each test is
            // then a compare and a jump.
            let nonnull = self.b.create_block();
            self.b.ins().brif(heap, nonnull, &[], no, &[]);
            self.b.switch_to_block(nonnull);
            self.b.ins().brif(v, yes, &[], no, &[]);
        } else {
            self.b.ins().brif(heap, yes, &[], no, &[]);
        }
    }

    fn decref(&mut self, v: Value, nullable: bool) {
        let heap = self.is_heap(v);
        let (dec, free, cont) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        self.b.set_cold_block(free);
        self.branch_on_object(v, heap, nullable, dec, cont);
        self.b.switch_to_block(dec);
        let rc = self
            .b
            .ins()
            .load(types::I64, MemFlagsData::trusted(), v, abi::REFCOUNT_OFFSET);
        let rc = self.b.ins().iadd_imm_s(rc, -1);
        self.b
            .ins()
            .store(MemFlagsData::trusted(), rc, v, abi::REFCOUNT_OFFSET);
        self.b.ins().brif(rc, cont, &[], free, &[]);
        self.b.switch_to_block(free);
        self.rt_call(RtFn::Dealloc, &[v]);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    fn release_locals(&mut self) {
        for (l, _) in self.f.locals.iter() {
            if self.f.local_tys[l] != Ty::Word || self.small_local(l) {
                continue;
            }
            let v = self.b.use_var(self.var(l));
            self.decref(v, true);
        }
    }

    fn translate(&mut self) -> Result<(), String> {
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.create_blocks();
        if self.small.is_some() {
            self.switch_copy();
            self.create_blocks();
            self.switch_copy();
        }
        let unwind = self.b.create_block();
        self.b.set_cold_block(unwind);
        self.unwind = Some(unwind);

        // Prologue: parameters and unbound locals, the recursion count, constants.
        self.b.switch_to_block(entry);
        let mut params = self.b.block_params(entry).to_vec();
        if !self.f.is_module {
            self.func_param = Some(params.remove(0));
            let depth = params.remove(0);
            if !self.f.is_generator {
                self.depth = Some(depth);
            }
        }
        for (l, _) in self.f.locals.iter() {
            let ty = self.f.local_tys[l];
            let var = self.b.declare_var(machine_type(ty));
            self.vars[l] = Some(var);
            let init = match self.f.params.iter().position(|&p| p == l) {
                Some(i) => params[i],
                // `unbox` proved an unboxed local assigned before every read.
                None if ty == Ty::F64 => self.b.ins().f64const(0.0),
                None => self.b.ins().iconst(WORD, abi::NULL),
            };
            self.b.def_var(var, init);
        }
        if self.f.is_module {
            self.init_consts()?;
        } else {
            self.enter_frame();
        }
        let first = self
            .f
            .blocks
            .keys()
            .next()
            .ok_or("function without blocks")?;
        let generic_first = self.block(first);
        if self.small.is_some() {
            // The small copy first: it makes the generic copy's resume points.
            self.switch_copy();
            let small_first = self.block(first);
            self.small_entry(&params, small_first, generic_first);
            self.body()?;
            self.switch_copy();
            self.declare_resumed_values();
        } else {
            self.b.ins().jump(generic_first, &[]);
        }
        self.body()?;

        // Leaving by an exception: release the frame, return NULL.
        self.b.switch_to_block(unwind);
        self.release_locals();
        self.leave_frame();
        let null = self.b.ins().iconst(WORD, abi::NULL);
        self.return_word(null);
        self.b.seal_all_blocks();
        Ok(())
    }

    /// A Cranelift block, with its parameters, for each MIR block of the copy
    /// being translated.
    fn create_blocks(&mut self) {
        for (id, block) in self.f.blocks.iter() {
            let cb = self.b.create_block();
            for &p in &block.params {
                let v = self
                    .b
                    .append_block_param(cb, machine_type(self.f.values[p]));
                self.values[p] = Some(v);
            }
            self.blocks[id] = Some(cb);
        }
    }

    /// The blocks of the copy being translated: dominators first, so every value
    /// is translated before its uses; blocks nothing reaches only trap.
    fn body(&mut self) -> Result<(), String> {
        let order = ownership::reverse_postorder(self.f);
        let reachable: HashSet<mir::BlockId> = order.iter().copied().collect();
        for (id, _) in self.f.blocks.iter() {
            if !reachable.contains(&id) {
                let cb = self.block(id);
                self.b.switch_to_block(cb);
                self.b.ins().trap(UNREACHABLE);
            }
        }
        let small = self.in_small_copy();
        for id in order {
            let block = &self.f.blocks[id];
            let cb = self.block(id);
            self.b.switch_to_block(cb);
            self.cur = (id, 0);
            if small {
                self.enter_small_block(id);
                self.small_block_params(id);
            } else {
                self.generic_block_entry(id);
            }
            for (i, inst) in block.insts.iter().enumerate() {
                self.cur = (id, i);
                if small {
                    if !self.returned_box(inst)
                        && !self.small_float_inst(inst)?
                        && !self.small_inst(inst)?
                    {
                        self.inst(inst)?;
                        self.check_small_defs(inst);
                        self.check_float_defs(inst);
                    }
                } else {
                    self.enter_resume_point(id, i);
                    if !self.returned_box(inst) {
                        self.inst(inst)?;
                    }
                }
            }
            self.cur = (id, block.insts.len());
            if small {
                self.leave_small_block(id, &block.term);
            } else {
                self.enter_resume_point(id, block.insts.len());
            }
            self.terminator(id, &block.term)?;
        }
        Ok(())
    }

    /// The recursion count of a function's way in, inline: the runtime is
    /// called only to raise. A function handed its depth compares it with the
    /// limit and keeps its own depth in a register, loading no count: a count
    /// loaded and stored by every call would chain each call to the one before
    /// through memory (a third of recursive `fib`'s time). No frame gives the
    /// count back on its way out: a compiled callee may leave its own depth
    /// there, so whoever reads the count next stores its depth first: on
    /// entry and after each call of a compiled function (`call_direct`), or,
    /// in a function that calls compiled functions and has no loops
    /// (`stores_depth_lazily`), before each runtime call that may read it
    /// (`rt_call`), so that a call tree that never leaves compiled code, such
    /// as `fib`'s, touches no memory for it. The array entry the
    /// runtime calls restores the runtime's depth after the call. A
    /// generator's body, which the runtime suspends and resumes at other
    /// depths, counts in memory and restores its depth after each call.
    fn enter_frame(&mut self) {
        let addr = self.data_addr(self.cg.depth);
        let depth = match self.depth {
            Some(depth) => depth,
            None => self.b.ins().load(WORD, MemFlagsData::trusted(), addr, 0),
        };
        let limit_addr = self.data_addr(self.cg.recursion_limit);
        let limit = self
            .b
            .ins()
            .load(WORD, MemFlagsData::trusted(), limit_addr, 0);
        let exhausted = self
            .b
            .ins()
            .icmp(IntCC::SignedGreaterThanOrEqual, depth, limit);
        let (ok, refused) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(refused);
        self.b.ins().brif(exhausted, refused, &[], ok, &[]);
        self.b.switch_to_block(refused);
        // The frame was never entered: raise at the caller's depth, release
        // the arguments and report.
        if self.depth.is_some() {
            self.b.ins().store(MemFlagsData::trusted(), depth, addr, 0);
        }
        self.rt_call(RtFn::RecursionEnter, &[]);
        self.release_locals();
        let null = self.b.ins().iconst(WORD, abi::NULL);
        self.return_word(null);
        self.b.switch_to_block(ok);
        let inside = self.b.ins().iadd_imm_s(depth, 1);
        if self.depth.is_some() {
            self.inside = Some(inside);
        }
        if self.stores_depth_on_entry() {
            self.b.ins().store(MemFlagsData::trusted(), inside, addr, 0);
        }
    }

    /// Whether this frame stores its depth on entry and after each call of a
    /// compiled function, rather than before each runtime call that may read
    /// it (see `enter_frame`): a frame counting in memory always does.
    fn stores_depth_on_entry(&self) -> bool {
        self.depth.is_none() || !self.store_depth_lazily
    }

    /// The recursion count of a function's way out: a frame counting in
    /// memory gives its caller's depth back (see `enter_frame`).
    fn leave_frame(&mut self) {
        if self.f.is_module || self.depth.is_some() {
            return;
        }
        let addr = self.data_addr(self.cg.depth);
        let depth = self.b.ins().load(WORD, MemFlagsData::trusted(), addr, 0);
        let outside = self.b.ins().iadd_imm_s(depth, -1);
        self.b
            .ins()
            .store(MemFlagsData::trusted(), outside, addr, 0);
    }

    /// The depth a callee's frame starts at: this frame's own.
    fn callee_depth(&mut self) -> Value {
        match (self.inside, self.depth) {
            (Some(inside), _) => inside,
            (None, Some(depth)) => self.b.ins().iadd_imm_s(depth, 1),
            (None, None) => {
                let addr = self.data_addr(self.cg.depth);
                self.b.ins().load(WORD, MemFlagsData::trusted(), addr, 0)
            }
        }
    }

    fn init_consts(&mut self) -> Result<(), String> {
        let base = self.data_addr(self.cg.consts);
        for (id, c) in self.module.consts.iter() {
            let v = match c {
                Const::Str(s) => {
                    let (p, l) = self.text(s)?;
                    self.rt_call(RtFn::ConstStr, &[p, l])
                }
                Const::Bytes(b) => {
                    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
                    let (p, l) = self.text(&hex)?;
                    self.rt_call(RtFn::ConstBytes, &[p, l])
                }
                Const::BigInt(s) => {
                    let (p, l) = self.text(s)?;
                    self.rt_call(RtFn::ConstInt, &[p, l])
                }
                Const::Float(x) => {
                    let x = self.b.ins().f64const(*x);
                    self.rt_call(RtFn::ConstFloat, &[x])
                }
                Const::Names(names) => {
                    let (p, l) = self.text(&names.join("\0"))?;
                    self.rt_call(RtFn::ConstNames, &[p, l])
                }
                Const::Code(text) => {
                    let (p, l) = self.text(text)?;
                    self.rt_call(RtFn::ConstCode, &[p, l])
                }
            }
            .expect("constants return a word");
            self.b
                .ins()
                .store(MemFlagsData::trusted(), v, base, (id.index() * 8) as i32);
        }
        Ok(())
    }

    fn def(&mut self, dst: mir::ValueId, v: Value) {
        self.values[dst] = Some(v);
        if let Some(var) = self.resumed_var(dst) {
            self.b.def_var(var, v);
        }
    }

    fn args(&mut self, args: &[Arg]) -> Result<Vec<Value>, String> {
        let mut out = Vec::new();
        for a in args {
            match a {
                Arg::Value(v) => out.push(self.val(*v)),
                Arg::Array(vs) => {
                    if vs.is_empty() {
                        let z = self.b.ins().iconst(types::I64, 0);
                        out.extend([z, z]);
                        continue;
                    }
                    let slot = self.b.create_sized_stack_slot(StackSlotData::new(
                        StackSlotKind::ExplicitSlot,
                        (vs.len() * 8) as u32,
                        3,
                    ));
                    for (i, v) in vs.iter().enumerate() {
                        let v = self.val(*v);
                        self.b
                            .ins()
                            .stack_store(types::I64, v, slot, (i * 8) as i32);
                    }
                    let ptr = self.b.ins().stack_addr(types::I64, slot, 0);
                    let n = self.b.ins().iconst(types::I64, vs.len() as i64);
                    out.extend([ptr, n]);
                }
                Arg::Text(s) => {
                    let (p, l) = self.text(s)?;
                    out.extend([p, l]);
                }
                Arg::Int(i) => out.push(self.b.ins().iconst(types::I64, *i)),
                Arg::FuncAddr(f) => {
                    let fid =
                        self.cg.array_entries[*f].ok_or("address of an undeclared function")?;
                    let fref = self.cg.obj.declare_func_in_func(fid, self.b.func);
                    out.push(self.b.ins().func_addr(types::I64, fref));
                }
                Arg::AttrCache => {
                    let offset = self.cg.attr_cache_count * abi::ATTR_CACHE_WORDS * 8;
                    self.cg.attr_cache_count += 1;
                    let base = self.data_addr(self.cg.attr_caches);
                    out.push(self.b.ins().iadd_imm_s(base, offset as i64));
                }
            }
        }
        Ok(out)
    }

    fn inst(&mut self, inst: &Inst) -> Result<(), String> {
        match inst {
            Inst::Word { dst, word } => {
                let v = self.b.ins().iconst(WORD, *word);
                self.def(*dst, v);
                if abi::is_small_int(*word) && self.in_small_copy() {
                    self.mark_small(*dst);
                    self.small_range(*dst, small_ranges::Range::exact(*word >> 1));
                } else {
                    self.immediates.insert(*dst);
                }
            }
            Inst::Const { dst, id } => {
                let base = self.data_addr(self.cg.consts);
                let v =
                    self.b
                        .ins()
                        .load(WORD, MemFlagsData::trusted(), base, (id.index() * 8) as i32);
                self.def(*dst, v);
            }
            Inst::LoadLocal { dst, local } => {
                let v = self.b.use_var(self.var(*local));
                self.def(*dst, v);
            }
            Inst::StoreLocal { local, src } if self.f.local_tys[*local] != Ty::Word => {
                let v = self.val(*src);
                self.b.def_var(self.var(*local), v);
            }
            Inst::StoreLocal { local, src } => {
                let var = self.var(*local);
                let old = self.b.use_var(var);
                let new = self.val(*src);
                self.b.def_var(var, new);
                self.decref(old, true);
            }
            Inst::LoadGlobal { dst, global } => {
                let base = self.data_addr(self.cg.globals);
                let v = self.b.ins().load(
                    WORD,
                    MemFlagsData::trusted(),
                    base,
                    (global.index() * 8) as i32,
                );
                self.def(*dst, v);
            }
            Inst::StoreGlobal { global, src } => {
                let base = self.data_addr(self.cg.globals);
                let offset = (global.index() * 8) as i32;
                let old = self
                    .b
                    .ins()
                    .load(WORD, MemFlagsData::trusted(), base, offset);
                let new = self.val(*src);
                self.b
                    .ins()
                    .store(MemFlagsData::trusted(), new, base, offset);
                self.decref(old, true);
            }
            Inst::Copy { dst, src } => {
                let v = self.val(*src);
                if self.immediates.contains(src) {
                    self.immediates.insert(*dst);
                } else {
                    self.incref(v);
                }
                self.def(*dst, v);
            }
            Inst::IncRef(v) if self.immediates.contains(v) => {}
            Inst::DecRef(v) if self.immediates.contains(v) => {}
            Inst::IncRef(v) => {
                let v = self.val(*v);
                self.incref(v);
            }
            Inst::DecRef(v) => {
                let v = self.val(*v);
                self.decref(v, false);
            }
            Inst::LoadCell { dst, cell } => {
                let c = self.val(*cell);
                let v = self
                    .b
                    .ins()
                    .load(WORD, MemFlagsData::trusted(), c, abi::CELL_VALUE_OFFSET);
                self.def(*dst, v);
            }
            Inst::StoreCell { cell, src } => {
                let c = self.val(*cell);
                let old =
                    self.b
                        .ins()
                        .load(WORD, MemFlagsData::trusted(), c, abi::CELL_VALUE_OFFSET);
                let v = self.val(*src);
                self.b
                    .ins()
                    .store(MemFlagsData::trusted(), v, c, abi::CELL_VALUE_OFFSET);
                self.decref(old, true);
            }
            Inst::ClosureCell { dst, index } => {
                let func = self.func_param.ok_or("closure cell outside a function")?;
                let i = self.b.ins().iconst(types::I64, i64::from(*index));
                let v = self
                    .rt_call(RtFn::ClosureCell, &[func, i])
                    .expect("returns a word");
                self.def(*dst, v);
            }
            Inst::CheckBound {
                value,
                name,
                kind,
                line,
            } => {
                let v = self.val(*value);
                let unbound = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
                let (raise, cont) = (self.b.create_block(), self.b.create_block());
                self.b.set_cold_block(raise);
                self.b.ins().brif(unbound, raise, &[], cont, &[]);
                self.b.switch_to_block(raise);
                let (p, l) = self.text(name)?;
                let f = match kind {
                    mir::Unbound::Local => RtFn::RaiseUnboundLocal,
                    mir::Unbound::Global => RtFn::RaiseNameError,
                    mir::Unbound::Free => RtFn::RaiseUnboundFree,
                };
                self.rt_call(f, &[p, l]);
                self.landing(*line)?;
                self.b.switch_to_block(cont);
            }
            Inst::Call {
                dst,
                func,
                args,
                line,
            } => {
                let r = match (func, args.as_slice()) {
                    (RtFn::Add | RtFn::Sub, [Arg::Value(a), Arg::Value(b)]) => {
                        let values = self.args(args)?;
                        self.small_add_sub(*func, *func == RtFn::Add, &values, *a, *b, *line)?
                    }
                    (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(code)])
                        if matches!(*code, abi::inplace::ADD | abi::inplace::SUB) =>
                    {
                        let values = self.args(args)?;
                        let add = *code == abi::inplace::ADD;
                        self.small_add_sub(*func, add, &values, *a, *b, *line)?
                    }
                    (_, [Arg::Value(a), Arg::Value(b)]) if SmallOp::of(*func, None).is_some() => {
                        let op = SmallOp::of(*func, None).expect("checked");
                        let values = self.args(args)?;
                        Some(self.small_int_op(*func, op, &values, *a, *b, *line)?)
                    }
                    (RtFn::Inplace, [Arg::Value(a), Arg::Value(b), Arg::Int(code)])
                        if SmallOp::of(*func, Some(*code)).is_some() =>
                    {
                        let op = SmallOp::of(*func, Some(*code)).expect("checked");
                        let values = self.args(args)?;
                        Some(self.small_int_op(*func, op, &values, *a, *b, *line)?)
                    }
                    (
                        RtFn::Lt | RtFn::Le | RtFn::Gt | RtFn::Ge | RtFn::Eq | RtFn::Ne,
                        [Arg::Value(a), Arg::Value(b)],
                    ) => self.small_compare(*func, *a, *b, *line)?,
                    (RtFn::TrueDiv, [Arg::Value(_), Arg::Value(_)])
                    | (
                        RtFn::Inplace,
                        [
                            Arg::Value(_),
                            Arg::Value(_),
                            Arg::Int(abi::inplace::TRUEDIV),
                        ],
                    ) => {
                        let values = self.args(args)?;
                        let div = Some(FloatArith::Div);
                        Some(self.call_binary(*func, &values, div, *line)?)
                    }
                    (RtFn::Truthy, [Arg::Value(a)]) => self.truthy(*a, *line)?,
                    (RtFn::LoadBuiltin, [Arg::Text(name)]) => {
                        let values = self.args(args)?;
                        Some(self.cached_builtin(name, &values, *line)?)
                    }
                    (RtFn::IterNext, [Arg::Value(it)]) => Some(self.iter_next(*it, *line)?),
                    (RtFn::GetItem, [Arg::Value(_), Arg::Value(_)]) => {
                        let values = self.args(args)?;
                        Some(self.getitem(&values, *line)?)
                    }
                    (RtFn::SetItem, [Arg::Value(seq), Arg::Value(key), Arg::Value(v)])
                        if self.is_unboxed(*v) =>
                    {
                        Some(self.setitem_float(*seq, *key, *v, *line)?)
                    }
                    (RtFn::SetItem, [Arg::Value(_), Arg::Value(_), Arg::Value(_)]) => {
                        let values = self.args(args)?;
                        Some(self.setitem(&values, *line)?)
                    }
                    (RtFn::GetAttr, [Arg::Value(_), Arg::Value(_), Arg::AttrCache]) => {
                        let values = self.args(args)?;
                        Some(self.cached_getattr(&values, *line)?)
                    }
                    (
                        RtFn::SetAttr,
                        [Arg::Value(_), Arg::Value(_), Arg::Value(_), Arg::AttrCache],
                    ) => {
                        let values = self.args(args)?;
                        Some(self.cached_setattr(&values, *line)?)
                    }
                    (RtFn::CheckMethod, [Arg::Value(_), Arg::Value(_), Arg::AttrCache]) => {
                        let values = self.args(args)?;
                        Some(self.cached_check_method(&values, *line)?)
                    }
                    _ => {
                        let values = self.args(args)?;
                        let r = self.rt_call(*func, &values);
                        self.check_result(*func, r, *line)?;
                        r
                    }
                };
                if let (Some(d), Some(r)) = (dst, r) {
                    self.def(*d, r);
                }
            }
            Inst::CallUser { .. } => {
                let call = UserCall::of(inst).expect("a call");
                if self.calls_float_abi(&call) {
                    self.call_float_abi_boxed(&call)?;
                } else {
                    let r = self.call_user(call.func, call.callee, call.args, call.speculate)?;
                    let failed = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
                    self.unwind_if(failed, call.line)?;
                    self.def(call.dst, r);
                }
            }
            Inst::Unpack {
                value,
                dsts,
                star: None,
                line,
            } => self.unpack(*value, dsts, *line)?,
            Inst::Unpack {
                value,
                dsts,
                star,
                line,
            } => {
                let v = self.val(*value);
                let items = self.unpack_call(v, dsts.len(), *star, *line)?;
                for (d, item) in dsts.iter().zip(items) {
                    self.def(*d, item);
                }
            }
            Inst::IsWord { dst, value, word } => {
                let v = self.val(*value);
                let c = self.b.ins().icmp_imm_s(IntCC::Equal, v, *word);
                let c = self.b.ins().uextend(types::I32, c);
                self.def(*dst, c);
            }
            Inst::SameWord { dst, a, b } => {
                let (a, b) = (self.val(*a), self.val(*b));
                let c = self.b.ins().icmp(IntCC::Equal, a, b);
                let c = self.b.ins().uextend(types::I32, c);
                self.def(*dst, c);
            }
            Inst::F64Const { dst, value } => {
                let v = self.b.ins().f64const(*value);
                self.def(*dst, v);
            }
            Inst::TruthConst { dst, value } => {
                let v = self.b.ins().iconst(types::I32, *value as i64);
                self.def(*dst, v);
            }
            Inst::Prim {
                dst,
                op,
                args,
                line,
            } => {
                let v = self.prim(*op, args, *line)?;
                self.def(*dst, v);
            }
            Inst::BoolWord { dst, cond, negate } => {
                let c = self.val(*cond);
                let (t, f) = if *negate {
                    (abi::FALSE, abi::TRUE)
                } else {
                    (abi::TRUE, abi::FALSE)
                };
                let t = self.b.ins().iconst(WORD, t);
                let f = self.b.ins().iconst(WORD, f);
                let v = self.b.ins().select(c, t, f);
                self.immediates.insert(*dst);
                self.def(*dst, v);
            }
        }
        Ok(())
    }

    /// A `Prim` op on unboxed values (see `mir::Prim`).
    fn prim(&mut self, op: mir::Prim, args: &[mir::ValueId], line: u32) -> Result<Value, String> {
        use mir::Prim as P;
        let a: Vec<Value> = args.iter().map(|v| self.val(*v)).collect();
        let float_cc = |op| match op {
            P::FLt => Some(FloatCC::LessThan),
            P::FLe => Some(FloatCC::LessThanOrEqual),
            P::FGt => Some(FloatCC::GreaterThan),
            P::FGe => Some(FloatCC::GreaterThanOrEqual),
            P::FEq => Some(FloatCC::Equal),
            // Unordered or different: true for nan, as Python's `!=`.
            P::FNe => Some(FloatCC::NotEqual),
            _ => None,
        };
        if let Some(cc) = float_cc(op) {
            let c = self.b.ins().fcmp(cc, a[0], a[1]);
            return Ok(self.b.ins().uextend(types::I32, c));
        }
        if let Some(slow) = op.int_compare() {
            let cc = int_cc(slow).expect("int comparisons have one");
            // Tagged small ints compare as their words; big ints in the runtime,
            // which cannot fail on two ints.
            let small = self.both_small(a[0], a[1]);
            let (fast_b, slow_b, join, result) = self.two_paths(small, types::I32);
            self.b.set_cold_block(slow_b);
            self.b.switch_to_block(slow_b);
            let r = self.rt_call(slow, &a).expect("comparisons return a word");
            let c = self.b.ins().icmp_imm_s(IntCC::Equal, r, abi::TRUE);
            let c = self.b.ins().uextend(types::I32, c);
            self.b.ins().jump(join, &[BlockArg::Value(c)]);
            self.b.switch_to_block(fast_b);
            let c = self.b.ins().icmp(cc, a[0], a[1]);
            let c = self.b.ins().uextend(types::I32, c);
            self.b.ins().jump(join, &[BlockArg::Value(c)]);
            self.b.switch_to_block(join);
            return Ok(result);
        }
        Ok(match op {
            P::FAdd => self.b.ins().fadd(a[0], a[1]),
            P::FSub => self.b.ins().fsub(a[0], a[1]),
            P::FMul => self.b.ins().fmul(a[0], a[1]),
            P::FNeg => self.b.ins().fneg(a[0]),
            P::Not => self.b.ins().bxor_imm_u(a[0], 1),
            P::FDiv => {
                self.raise_if_zero(a[1], RtFn::RaiseFloatDivZero, line)?;
                self.b.ins().fdiv(a[0], a[1])
            }
            P::FMod => {
                self.raise_if_zero(a[1], RtFn::RaiseFloatModZero, line)?;
                self.rt_call(RtFn::FloatMod, &[a[0], a[1]])
                    .expect("returns a float")
            }
            P::UnboxFloat => self.b.ins().load(
                types::F64,
                MemFlagsData::trusted(),
                a[0],
                abi::FLOAT_VALUE_OFFSET,
            ),
            P::BoxFloat => self.box_float(a[0]),
            P::IntToFloat => {
                // A small int converts exactly-rounded inline; a big one in the
                // runtime, which raises OverflowError past the float range.
                let small = self.b.ins().band_imm_s(a[0], abi::INT_TAG_MASK);
                let (fast_b, slow_b, join, result) = self.two_paths(small, types::F64);
                self.b.set_cold_block(slow_b);
                self.b.switch_to_block(slow_b);
                let boxed = self.rt_call(RtFn::FloatOfInt, &[a[0]]);
                self.check_result(RtFn::FloatOfInt, boxed, line)?;
                let boxed = boxed.expect("returns a word");
                let x = self.b.ins().load(
                    types::F64,
                    MemFlagsData::trusted(),
                    boxed,
                    abi::FLOAT_VALUE_OFFSET,
                );
                self.decref(boxed, false);
                self.b.ins().jump(join, &[BlockArg::Value(x)]);
                self.b.switch_to_block(fast_b);
                let n = self.b.ins().sshr_imm_s(a[0], 1);
                let x = self.b.ins().fcvt_from_sint(types::F64, n);
                self.b.ins().jump(join, &[BlockArg::Value(x)]);
                self.b.switch_to_block(join);
                result
            }
            _ => return Err(format!("no code for {}", op.name())),
        })
    }

    fn both_small(&mut self, a: Value, b: Value) -> Value {
        let both = self.b.ins().band(a, b);
        self.b.ins().band_imm_s(both, abi::INT_TAG_MASK)
    }

    /// Branches to a new fast block when `fast` is nonzero, else to a new slow
    /// block; both end at the join block, whose parameter of type `ty` is the
    /// result. Returns (fast, slow, join, result).
    fn two_paths(&mut self, fast: Value, ty: ir::Type) -> (ir::Block, ir::Block, ir::Block, Value) {
        let (fast_b, slow_b, join) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        let result = self.b.append_block_param(join, ty);
        self.b.ins().brif(fast, fast_b, &[], slow_b, &[]);
        (fast_b, slow_b, join, result)
    }

    /// Branches to an inline fast path when `fast` is nonzero, else to a call of
    /// the runtime function `f`; returns the fast block (current on return) and the
    /// join block, whose parameter of type `ty` is the result.
    fn fast_or_call(
        &mut self,
        fast: Value,
        (f, float): (RtFn, Option<FloatArith>),
        args: &[Value],
        line: u32,
        ty: ir::Type,
    ) -> Result<(ir::Block, Value), String> {
        let (fast_b, slow, join, result) = self.two_paths(fast, ty);
        self.b.switch_to_block(slow);
        let r = self.call_binary(f, args, float, line)?;
        self.b.ins().jump(join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(fast_b);
        Ok((join, result))
    }

    /// The runtime function `f` on `args` (which returns a value), with the
    /// float op `float` inline before it for two floats, or (not comparing) a
    /// float and a small int: the commonest values that reach arithmetic's
    /// runtime call, where inference saw no type.
    fn call_binary(
        &mut self,
        f: RtFn,
        args: &[Value],
        float: Option<FloatArith>,
        line: u32,
    ) -> Result<Value, String> {
        let Some(op) = float else {
            let r = self.rt_call(f, args);
            self.check_result(f, r, line)?;
            return Ok(r.expect("fast-pathed runtime functions return a value"));
        };
        let (a, b) = (args[0], args[1]);
        let (heaps, tagged, floats, call, join) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        let x = self.b.append_block_param(floats, types::F64);
        let y = self.b.append_block_param(floats, types::F64);
        let result = self.b.append_block_param(join, WORD);
        // Operands are never NULL: both are heap objects when no tag bit is set.
        let either = self.b.ins().bor(a, b);
        let tags = self.b.ins().band_imm_s(either, abi::PTR_TAG_MASK);
        self.b.ins().brif(tags, tagged, &[], heaps, &[]);
        self.b.switch_to_block(heaps);
        let fa = self.float_value(a, call);
        let fb = self.float_value(b, call);
        self.b
            .ins()
            .jump(floats, &[BlockArg::Value(fa), BlockArg::Value(fb)]);
        self.b.switch_to_block(tagged);
        if let FloatArith::Compare(_) = op {
            // A float compares with an int exactly, not with the int's float.
            self.b.ins().jump(call, &[]);
        } else {
            // A float and a small int: the int's float, as `float_mul` and the
            // others convert it (a small int converts correctly rounded).
            let (int_a, int_b) = (self.b.create_block(), self.b.create_block());
            let a_int = self.b.ins().band_imm_s(a, abi::INT_TAG_MASK);
            self.b.ins().brif(a_int, int_a, &[], int_b, &[]);
            for (int_block, int, other, int_first) in [(int_a, a, b, true), (int_b, b, a, false)] {
                self.b.switch_to_block(int_block);
                if !int_first {
                    let b_int = self.b.ins().band_imm_s(b, abi::INT_TAG_MASK);
                    self.continue_if(b_int, call);
                }
                let heap = self.is_heap(other);
                self.continue_if(heap, call);
                let f_other = self.float_value(other, call);
                let n = self.b.ins().sshr_imm_s(int, 1);
                let f_int = self.b.ins().fcvt_from_sint(types::F64, n);
                let (fx, fy) = if int_first {
                    (f_int, f_other)
                } else {
                    (f_other, f_int)
                };
                self.b
                    .ins()
                    .jump(floats, &[BlockArg::Value(fx), BlockArg::Value(fy)]);
            }
        }
        self.b.switch_to_block(floats);
        if let FloatArith::Div = op {
            // A zero divisor raises ZeroDivisionError in the runtime.
            let zero = self.b.ins().f64const(0.0);
            let nonzero = self.b.ins().fcmp(FloatCC::NotEqual, y, zero);
            self.continue_if(nonzero, call);
        }
        let unboxed = match op {
            FloatArith::Add => self.b.ins().fadd(x, y),
            FloatArith::Sub => self.b.ins().fsub(x, y),
            FloatArith::Mul => self.b.ins().fmul(x, y),
            FloatArith::Div => self.b.ins().fdiv(x, y),
            FloatArith::Compare(cc) => {
                let holds = self.b.ins().fcmp(cc, x, y);
                let yes = self.b.ins().iconst(WORD, abi::TRUE);
                let no = self.b.ins().iconst(WORD, abi::FALSE);
                let word = self.b.ins().select(holds, yes, no);
                self.b.ins().jump(join, &[BlockArg::Value(word)]);
                self.slow_call(call, join, f, args, line)?;
                return Ok(result);
            }
        };
        let boxed = self.box_float(unboxed);
        self.b.ins().jump(join, &[BlockArg::Value(boxed)]);
        self.slow_call(call, join, f, args, line)?;
        Ok(result)
    }

    /// Raises with the runtime function `raise` when the divisor `y` is zero.
    fn raise_if_zero(&mut self, y: Value, raise: RtFn, line: u32) -> Result<(), String> {
        let zero = self.b.ins().f64const(0.0);
        let by_zero = self.b.ins().fcmp(FloatCC::Equal, y, zero);
        let (fail, cont) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(fail);
        self.b.ins().brif(by_zero, fail, &[], cont, &[]);
        self.b.switch_to_block(fail);
        self.rt_call(raise, &[]);
        self.landing(line)?;
        self.b.switch_to_block(cont);
        Ok(())
    }

    /// A new float object holding `x`: the first of the runtime's kept floats,
    /// taken inline as the runtime's `free_floats::take` does, or when none is
    /// kept one the runtime makes.
    fn box_float(&mut self, x: Value) -> Value {
        let flags = MemFlagsData::trusted();
        let list = self.data_addr(self.cg.float_free);
        let first = self.b.ins().load(WORD, flags, list, 0);
        let (take, make, join) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        let result = self.b.append_block_param(join, WORD);
        self.b.set_cold_block(make);
        self.b.ins().brif(first, take, &[], make, &[]);
        self.b.switch_to_block(take);
        let next = self
            .b
            .ins()
            .load(WORD, flags, first, abi::FLOAT_VALUE_OFFSET);
        self.b.ins().store(flags, next, list, 0);
        let one = self.b.ins().iconst(types::I64, 1);
        self.b.ins().store(flags, one, first, abi::REFCOUNT_OFFSET);
        // The kind and the reserved half of the header's second word.
        let kind = self.b.ins().iconst(types::I64, i64::from(abi::kind::FLOAT));
        self.b.ins().store(flags, kind, first, abi::KIND_OFFSET);
        self.b.ins().store(flags, x, first, abi::FLOAT_VALUE_OFFSET);
        self.b.ins().jump(join, &[BlockArg::Value(first)]);
        self.b.switch_to_block(make);
        let made = self.rt_call(RtFn::FloatNew, &[x]).expect("returns a word");
        self.b.ins().jump(join, &[BlockArg::Value(made)]);
        self.b.switch_to_block(join);
        result
    }

    /// The value of `w`, a heap object, when it is a float; else leaves for `otherwise`.
    fn float_value(&mut self, w: Value, otherwise: ir::Block) -> Value {
        let float = self.is_float_object(w);
        self.continue_if(float, otherwise);
        self.float_of(w)
    }

    /// Nonzero when `w`, a heap object, is a float.
    fn is_float_object(&mut self, w: Value) -> Value {
        let flags = MemFlagsData::trusted();
        let kind = self.b.ins().load(types::I32, flags, w, abi::KIND_OFFSET);
        self.b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, i64::from(abi::kind::FLOAT))
    }

    /// The value of `w`, a float object.
    fn float_of(&mut self, w: Value) -> Value {
        let flags = MemFlagsData::trusted();
        self.b
            .ins()
            .load(types::F64, flags, w, abi::FLOAT_VALUE_OFFSET)
    }

    /// `a + b` / `a - b` inline when both are small ints and the result fits.
    fn small_add_sub(
        &mut self,
        f: RtFn,
        add: bool,
        args: &[Value],
        a: mir::ValueId,
        b: mir::ValueId,
        line: u32,
    ) -> Result<Option<Value>, String> {
        let (a, b) = (self.val(a), self.val(b));
        let small = self.both_small(a, b);
        let float = Some(if add {
            FloatArith::Add
        } else {
            FloatArith::Sub
        });
        let (join, result) = self.fast_or_call(small, (f, float), args, line, WORD)?;
        let (r, overflow) = self.small_add_sub_core(add, a, b);
        // On overflow the runtime computes the big-int result.
        let slow = self.b.create_block();
        self.b
            .ins()
            .brif(overflow, slow, &[], join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(slow);
        let r = self.rt_call(f, args).expect("binary ops return a word");
        self.b.ins().jump(join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(join);
        Ok(Some(result))
    }

    /// `a + b` / `a - b` on two small ints: the tagged result and the overflow flag.
    fn small_add_sub_core(&mut self, add: bool, a: Value, b: Value) -> (Value, Value) {
        // Tagged: (2x+1) + 2y = 2(x+y)+1 and (2x+1) - 2y = 2(x-y)+1.
        let b_untagged = self.b.ins().iadd_imm_s(b, -1);
        if add {
            self.b.ins().sadd_overflow(a, b_untagged)
        } else {
            self.b.ins().ssub_overflow(a, b_untagged)
        }
    }

    /// Tagged `a + b` or `a - b` of two small ints whose result is known to be one.
    fn small_add_sub_plain(&mut self, add: bool, a: Value, b: Value) -> Value {
        let b_untagged = self.b.ins().iadd_imm_s(b, -1);
        if add {
            self.b.ins().iadd(a, b_untagged)
        } else {
            self.b.ins().isub(a, b_untagged)
        }
    }

    /// Goes on in a new block when `cond` holds, else leaves for `otherwise`.
    fn continue_if(&mut self, cond: Value, otherwise: ir::Block) {
        let next = self.b.create_block();
        self.b.ins().brif(cond, next, &[], otherwise, &[]);
        self.b.switch_to_block(next);
    }

    /// Goes on only when `obj` is an instance of the class of the first entry of
    /// the site cache `ic`, at the version the cache holds; else leaves for `miss`.
    fn attr_cache_guard(&mut self, obj: Value, ic: Value, miss: ir::Block) {
        let flags = MemFlagsData::trusted();
        let heap = self.is_heap(obj);
        self.continue_if(heap, miss);
        let kind = self.b.ins().load(types::I32, flags, obj, abi::KIND_OFFSET);
        let instance = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, abi::kind::INSTANCE as i64);
        self.continue_if(instance, miss);
        let class = self
            .b
            .ins()
            .load(WORD, flags, obj, abi::INSTANCE_CLASS_OFFSET);
        let cached_class = self
            .b
            .ins()
            .load(WORD, flags, ic, abi::ATTR_CACHE_CLASS_OFFSET);
        let same_class = self.b.ins().icmp(IntCC::Equal, class, cached_class);
        let version_addr = self.data_addr(self.cg.attr_version);
        let version = self.b.ins().load(types::I64, flags, version_addr, 0);
        let cached_version =
            self.b
                .ins()
                .load(types::I64, flags, ic, abi::ATTR_CACHE_VERSION_OFFSET);
        let same_version = self.b.ins().icmp(IntCC::Equal, version, cached_version);
        self.continue_if(same_class, miss);
        self.continue_if(same_version, miss);
    }

    /// The runtime call `f` on `args` in block `slow` (the way around an inline
    /// fast path), then a jump to `join` with its result; continues in `join`.
    fn slow_call(
        &mut self,
        slow: ir::Block,
        join: ir::Block,
        f: RtFn,
        args: &[Value],
        line: u32,
    ) -> Result<(), String> {
        self.b.switch_to_block(slow);
        let r = self.rt_call(f, args);
        self.check_result(f, r, line)?;
        let r = r.expect("operations with an inline fast path return a value");
        self.b.ins().jump(join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(join);
        Ok(())
    }

    /// The address of the value of `obj` at the layout index of the first entry
    /// of the site cache `ic`, when the cache guard passes and the instance's
    /// values reach that index; else leaves for `miss`.
    fn cached_value_addr(&mut self, obj: Value, ic: Value, miss: ir::Block) -> Value {
        let flags = MemFlagsData::trusted();
        self.attr_cache_guard(obj, ic, miss);
        let slot = self
            .b
            .ins()
            .load(types::I64, flags, ic, abi::ATTR_CACHE_SLOT_OFFSET);
        let len = self
            .b
            .ins()
            .load(types::I64, flags, obj, abi::INSTANCE_VALUES_LEN_OFFSET);
        // The slot of a name the layout lacks is u64::MAX: never below the length.
        let within = self.b.ins().icmp(IntCC::UnsignedLessThan, slot, len);
        self.continue_if(within, miss);
        let values = self
            .b
            .ins()
            .load(WORD, flags, obj, abi::INSTANCE_VALUES_OFFSET);
        let offset = self.b.ins().ishl_imm_u(slot, 3);
        self.b.ins().iadd(values, offset)
    }

    /// `obj.name` through the site's cache (`args`: object, name, cache): an
    /// instance the cache guard passes with a value at the entry's layout index
    /// is read inline; anything else, and every miss, is the runtime's (which
    /// fills the cache).
    fn cached_getattr(&mut self, args: &[Value], line: u32) -> Result<Value, String> {
        let (obj, ic) = (args[0], args[2]);
        let flags = MemFlagsData::trusted();
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let result = self.b.append_block_param(join, WORD);
        let addr = self.cached_value_addr(obj, ic, slow);
        let value = self.b.ins().load(WORD, flags, addr, 0);
        let set = self.b.ins().icmp_imm_s(IntCC::NotEqual, value, 0);
        self.continue_if(set, slow);
        self.incref(value);
        self.b.ins().jump(join, &[BlockArg::Value(value)]);
        self.slow_call(slow, join, RtFn::GetAttr, args, line)?;
        Ok(result)
    }

    /// The builtin `name` (`args`: the name's text): from the program's slot for
    /// the name once a load filled it. The runtime gives the same immortal object
    /// for a name every time, so the slot needs no guard and no reference count.
    fn cached_builtin(&mut self, name: &str, args: &[Value], line: u32) -> Result<Value, String> {
        let next = self.cg.builtin_slot_of.len();
        let index = *self
            .cg
            .builtin_slot_of
            .entry(name.to_string())
            .or_insert(next);
        let flags = MemFlagsData::trusted();
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let result = self.b.append_block_param(join, WORD);
        let base = self.data_addr(self.cg.builtin_slots);
        let offset = (index * 8) as i32;
        let cached = self.b.ins().load(WORD, flags, base, offset);
        self.b
            .ins()
            .brif(cached, join, &[BlockArg::Value(cached)], slow, &[]);
        self.b.switch_to_block(slow);
        let r = self.rt_call(RtFn::LoadBuiltin, args);
        self.check_result(RtFn::LoadBuiltin, r, line)?;
        let r = r.expect("skink_load_builtin returns the object");
        self.b.ins().store(flags, r, base, offset);
        self.b.ins().jump(join, &[BlockArg::Value(r)]);
        self.b.switch_to_block(join);
        Ok(result)
    }

    /// `obj.name = value` through the site's cache (`args`: object, name, value,
    /// cache): an instance the cache guard passes whose values already have a
    /// place at the entry's layout index stores inline (the new value taken,
    /// then the old released, as the runtime does); anything else is the
    /// runtime's.
    fn cached_setattr(&mut self, args: &[Value], line: u32) -> Result<Value, String> {
        let (obj, value, ic) = (args[0], args[2], args[3]);
        let flags = MemFlagsData::trusted();
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let result = self.b.append_block_param(join, types::I32);
        let addr = self.cached_value_addr(obj, ic, slow);
        self.incref(value);
        let old = self.b.ins().load(WORD, flags, addr, 0);
        self.b.ins().store(flags, value, addr, 0);
        self.decref(old, true);
        let stored = self.b.ins().iconst(types::I32, 0);
        self.b.ins().jump(join, &[BlockArg::Value(stored)]);
        self.slow_call(slow, join, RtFn::SetAttr, args, line)?;
        Ok(result)
    }

    /// The check before `obj.name(...)` evaluates its arguments, through the
    /// site's cache (`args`: object, name, cache): it passes inline for an
    /// instance the cache guard passes whose class gives a function for the name
    /// (the entry's method), as then the attribute exists, shadowed or not.
    fn cached_check_method(&mut self, args: &[Value], line: u32) -> Result<Value, String> {
        let (obj, ic) = (args[0], args[2]);
        let (slow, join) = (self.b.create_block(), self.b.create_block());
        self.b.set_cold_block(slow);
        let result = self.b.append_block_param(join, types::I32);
        self.attr_cache_guard(obj, ic, slow);
        let method = self.b.ins().load(
            WORD,
            MemFlagsData::trusted(),
            ic,
            abi::ATTR_CACHE_METHOD_OFFSET,
        );
        let has_method = self.b.ins().icmp_imm_s(IntCC::NotEqual, method, 0);
        let passed = self.b.ins().iconst(types::I32, 0);
        self.b
            .ins()
            .brif(has_method, join, &[BlockArg::Value(passed)], slow, &[]);
        self.slow_call(slow, join, RtFn::CheckMethod, args, line)?;
        Ok(result)
    }

    /// `next(it)` of a `for` loop: a range iterator within i64 bounds steps
    /// inline while its values are small ints; anything else is the runtime's.
    fn iter_next(&mut self, it: mir::ValueId, line: u32) -> Result<Value, String> {
        let it = self.val(it);
        let flags = MemFlagsData::trusted();
        let kind = self.b.ins().load(types::I32, flags, it, abi::KIND_OFFSET);
        let is_range = self
            .b
            .ins()
            .icmp_imm_s(IntCC::Equal, kind, abi::kind::RANGE_ITER as i64);
        let (range_b, other_b, join, result) = self.two_paths(is_range, WORD);
        let slow_b = self.b.create_block();
        self.b.set_cold_block(slow_b);
        self.b.switch_to_block(other_b);
        let item = self.seq_iter_next(it, kind, slow_b);
        self.b.ins().jump(join, &[BlockArg::Value(item)]);
        self.b.switch_to_block(slow_b);
        let r = self.rt_call(RtFn::IterNext, &[it]);
        self.check_result(RtFn::IterNext, r, line)?;
        let r = r.expect("next returns a word");
        self.b.ins().jump(join, &[BlockArg::Value(r)]);

        self.b.switch_to_block(range_b);
        let next = self
            .b
            .ins()
            .load(types::I64, flags, it, abi::RANGE_ITER_NEXT_OFFSET);
        let stop = self
            .b
            .ins()
            .load(types::I64, flags, it, abi::RANGE_ITER_STOP_OFFSET);
        let step = self
            .b
            .ins()
            .load(types::I64, flags, it, abi::RANGE_ITER_STEP_OFFSET);
        let up = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
        let below = self.b.ins().icmp(IntCC::SignedLessThan, next, stop);
        let above = self.b.ins().icmp(IntCC::SignedGreaterThan, next, stop);
        let more = self.b.ins().select(up, below, above);
        let (more_b, done_b) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(more, more_b, &[], done_b, &[]);
        self.b.switch_to_block(done_b);
        let stop_word = self.b.ins().iconst(WORD, abi::STOP);
        self.b.ins().jump(join, &[BlockArg::Value(stop_word)]);

        // A value past the small range is made by the runtime, as a big int.
        self.b.switch_to_block(more_b);
        let tagged = self.b.ins().ishl_imm_u(next, 1);
        let back = self.b.ins().sshr_imm_u(tagged, 1);
        let small = self.b.ins().icmp(IntCC::Equal, back, next);
        let step_b = self.b.create_block();
        self.b.ins().brif(small, step_b, &[], slow_b, &[]);
        self.b.switch_to_block(step_b);
        let advanced = self.b.ins().iadd(next, step);
        self.b
            .ins()
            .store(flags, advanced, it, abi::RANGE_ITER_NEXT_OFFSET);
        let word = self.b.ins().bor_imm_u(tagged, 1);
        self.b.ins().jump(join, &[BlockArg::Value(word)]);
        self.b.switch_to_block(join);
        Ok(result)
    }

    /// `a op b` inline when both are small ints and the result is one; otherwise
    /// (a big operand, a result past the small range, a zero divisor, a negative
    /// shift) the runtime function `f` with `args` computes it or raises.
    fn small_int_op(
        &mut self,
        f: RtFn,
        op: SmallOp,
        args: &[Value],
        a: mir::ValueId,
        b: mir::ValueId,
        line: u32,
    ) -> Result<Value, String> {
        let (a, b) = (self.val(a), self.val(b));
        let small = self.both_small(a, b);
        let (fast_b, slow_b, join, result) = self.two_paths(small, WORD);
        self.b.set_cold_block(slow_b);
        self.b.switch_to_block(slow_b);
        let float = (op == SmallOp::Mul).then_some(FloatArith::Mul);
        let r = self.call_binary(f, args, float, line)?;
        self.b.ins().jump(join, &[BlockArg::Value(r)]);

        self.b.switch_to_block(fast_b);
        let (t, refused) = self.small_int_core(op, a, b);
        match refused {
            Some(refused) => {
                self.b
                    .ins()
                    .brif(refused, slow_b, &[], join, &[BlockArg::Value(t)]);
            }
            None => {
                self.b.ins().jump(join, &[BlockArg::Value(t)]);
            }
        }
        self.b.switch_to_block(join);
        Ok(result)
    }

    /// `a op b` on two small ints: the tagged result, and when the op can refuse
    /// (a result past the small range, a zero divisor, a negative shift), the
    /// flag that it did.
    fn small_int_core(&mut self, op: SmallOp, a: Value, b: Value) -> (Value, Option<Value>) {
        // Tagged words: 2x+1 and 2y+1.
        match op {
            SmallOp::And => return (self.b.ins().band(a, b), None),
            SmallOp::Or => return (self.b.ins().bor(a, b), None),
            SmallOp::Xor => {
                let x = self.b.ins().bxor(a, b);
                return (self.b.ins().bor_imm_s(x, 1), None);
            }
            _ => {}
        }
        // By a power of two, Python's floor ops are a shift and a mask, on the
        // tagged word itself: (2x+1) >> k is 2(x >> k) plus 0 or 1, so setting
        // the tag gives x >> k; and (2x+1) & (2m+1) is 2(x & m) + 1.
        let shift = match (op, self.small_constant(b)) {
            (SmallOp::RShift, Some(k)) if (0..=63).contains(&k) => Some(k),
            (SmallOp::FloorDiv, Some(d)) if d > 0 && d.count_ones() == 1 => {
                Some(i64::from(d.trailing_zeros()))
            }
            (SmallOp::Mod, Some(d)) if d > 0 && d.count_ones() == 1 => {
                let mask = self.b.ins().iconst(WORD, 2 * d - 1);
                return (self.b.ins().band(a, mask), None);
            }
            _ => None,
        };
        if let Some(k) = shift {
            let shifted = self.b.ins().sshr_imm_s(a, k);
            return (self.b.ins().bor_imm_s(shifted, 1), None);
        }
        if op == SmallOp::Mul {
            // 2x * y + 1 is the tagged product, in range exactly when 2xy does
            // not overflow (2xy is even, so adding the tag cannot).
            let (a, b) = match self.small_constant(a) {
                Some(_) => (b, a),
                None => (a, b),
            };
            let doubled = self.b.ins().band_imm_s(a, -2);
            let y = self.b.ins().sshr_imm_s(b, 1);
            let (r, overflow) = self.b.ins().smul_overflow(doubled, y);
            return (self.b.ins().bor_imm_s(r, 1), Some(overflow));
        }
        let x = self.b.ins().sshr_imm_s(a, 1);
        let y = self.b.ins().sshr_imm_s(b, 1);
        let zero = self.b.ins().iconst(WORD, 0);
        let one = self.b.ins().iconst(WORD, 1);
        let y_zero = self.b.ins().icmp(IntCC::Equal, y, zero);
        // A divisor of zero goes to the runtime (which raises); divide by 1 meanwhile.
        let y_safe = self.b.ins().select(y_zero, one, y);
        let (r, refused) = match op {
            SmallOp::Mul => unreachable!("multiplied above"),
            SmallOp::FloorDiv => {
                // Truncating quotient, one less when the remainder's sign differs.
                let q = self.b.ins().sdiv(x, y_safe);
                let rem = self.b.ins().srem(x, y_safe);
                let adjust = if inject::is_on(inject::Fault::CodegenFloordivTruncates) {
                    self.b.ins().iconst(types::I8, 0)
                } else {
                    self.floor_adjust(rem, y_safe)
                };
                let adjust = self.b.ins().uextend(WORD, adjust);
                (self.b.ins().isub(q, adjust), y_zero)
            }
            SmallOp::Mod => {
                let rem = self.b.ins().srem(x, y_safe);
                let adjust = self.floor_adjust(rem, y_safe);
                let plus = self.b.ins().iadd(rem, y_safe);
                (self.b.ins().select(adjust, plus, rem), y_zero)
            }
            SmallOp::RShift => {
                // A negative count raises; counts past 63 give the sign.
                let negative = self.b.ins().icmp(IntCC::SignedLessThan, y, zero);
                let max = self.b.ins().iconst(WORD, 63);
                let big = self.b.ins().icmp(IntCC::SignedGreaterThan, y, max);
                let count = self.b.ins().select(big, max, y);
                (self.b.ins().sshr(x, count), negative)
            }
            SmallOp::And | SmallOp::Or | SmallOp::Xor => unreachable!("returned above"),
        };
        let doubled = self.b.ins().ishl_imm_u(r, 1);
        let t = self.b.ins().bor_imm_s(doubled, 1);
        // By a positive constant, `//` and `%` give a result no larger than the
        // dividend and nothing to refuse; so does `>>` by a constant in 0..=63.
        let shrinks = match (op, self.small_constant(b)) {
            (SmallOp::FloorDiv | SmallOp::Mod, Some(c)) => c > 0,
            (SmallOp::RShift, Some(c)) => (0..=63).contains(&c),
            _ => false,
        };
        if shrinks {
            return (t, None);
        }
        // Retag, refusing a result that leaves the small range.
        let back = self.b.ins().sshr_imm_s(doubled, 1);
        let lost = self.b.ins().icmp(IntCC::NotEqual, back, r);
        let refused = self.b.ins().bor(lost, refused);
        (t, Some(refused))
    }

    /// The word `v` is when it is a constant.
    fn constant_word(&self, v: Value) -> Option<i64> {
        let ValueDef::Result(inst, _) = self.b.func.dfg.value_def(v) else {
            return None;
        };
        match self.b.func.dfg.insts[inst] {
            InstructionData::UnaryImm {
                opcode: Opcode::Iconst,
                imm,
            } => Some(imm.bits()),
            _ => None,
        }
    }

    /// The int a constant small-int word stands for.
    fn small_constant(&self, v: Value) -> Option<i64> {
        self.constant_word(v)
            .filter(|w| w & abi::INT_TAG_MASK == 1)
            .map(|w| w >> 1)
    }

    /// Whether a truncated remainder needs Python's floor correction: it is
    /// nonzero and its sign differs from the divisor's.
    fn floor_adjust(&mut self, rem: Value, y: Value) -> Value {
        let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, rem, 0);
        let signs = self.b.ins().bxor(rem, y);
        let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
        self.b.ins().band(nonzero, differ)
    }

    /// Comparisons of two small ints compare the tagged words directly.
    fn small_compare(
        &mut self,
        f: RtFn,
        a: mir::ValueId,
        b: mir::ValueId,
        line: u32,
    ) -> Result<Option<Value>, String> {
        let (a, b) = (self.val(a), self.val(b));
        let cc = int_cc(f).expect("called for comparisons");
        let small = self.both_small(a, b);
        let float = float_cc(f).map(FloatArith::Compare);
        let (join, result) = self.fast_or_call(small, (f, float), &[a, b], line, WORD)?;
        let v = self.compare_word(cc, a, b);
        self.b.ins().jump(join, &[BlockArg::Value(v)]);
        self.b.switch_to_block(join);
        Ok(Some(result))
    }

    /// `True` or `False` as `a cc b` on two small ints.
    fn compare_word(&mut self, cc: IntCC, a: Value, b: Value) -> Value {
        let c = self.b.ins().icmp(cc, a, b);
        let t = self.b.ins().iconst(WORD, abi::TRUE);
        let f = self.b.ins().iconst(WORD, abi::FALSE);
        self.b.ins().select(c, t, f)
    }

    /// Truth of immediates inline: everything but 0, None and False is true.
    fn truthy(&mut self, a: mir::ValueId, line: u32) -> Result<Option<Value>, String> {
        if let Some(t) = self.small_truthy(a) {
            return Ok(Some(t));
        }
        let a = self.val(a);
        let immediate = self.b.ins().band_imm_s(a, 3);
        let (join, result) =
            self.fast_or_call(immediate, (RtFn::Truthy, None), &[a], line, types::I32)?;
        let not_zero = self
            .b
            .ins()
            .icmp_imm_s(IntCC::NotEqual, a, abi::small_int(0));
        let not_none = self.b.ins().icmp_imm_s(IntCC::NotEqual, a, abi::NONE);
        let not_false = self.b.ins().icmp_imm_s(IntCC::NotEqual, a, abi::FALSE);
        let t = self.b.ins().band(not_zero, not_none);
        let t = self.b.ins().band(t, not_false);
        let t = self.b.ins().uextend(types::I32, t);
        self.b.ins().jump(join, &[BlockArg::Value(t)]);
        self.b.switch_to_block(join);
        Ok(Some(result))
    }

    /// Jumps to `to`, first releasing what the edge leaves behind.
    fn edge(&mut self, from: mir::BlockId, to: mir::BlockId, args: &[BlockArg]) {
        let release = self
            .releases
            .edge
            .get(&(from, to))
            .cloned()
            .unwrap_or_default();
        self.release_all(&release);
        let to = self.block(to);
        self.b.ins().jump(to, args);
    }

    fn terminator(&mut self, id: mir::BlockId, term: &Terminator) -> Result<(), String> {
        match term {
            Terminator::Jump(to, args) => {
                let args: Vec<BlockArg> =
                    args.iter().map(|a| BlockArg::Value(self.val(*a))).collect();
                self.edge(id, *to, &args);
            }
            Terminator::Branch { cond, then_, else_ } => {
                let c = self.val(*cond);
                let plain = |t: &mir::BlockId| !self.releases.edge.contains_key(&(id, *t));
                if plain(then_) && plain(else_) {
                    let (t, e) = (self.block(*then_), self.block(*else_));
                    self.b.ins().brif(c, t, &[], e, &[]);
                } else {
                    let (t, e) = (self.b.create_block(), self.b.create_block());
                    self.b.ins().brif(c, t, &[], e, &[]);
                    self.b.switch_to_block(t);
                    self.edge(id, *then_, &[]);
                    self.b.switch_to_block(e);
                    self.edge(id, *else_, &[]);
                }
            }
            Terminator::Return(v) => {
                let release = self.releases.ret.get(&id).cloned().unwrap_or_default();
                self.release_all(&release);
                self.release_locals();
                self.leave_frame();
                self.return_value(*v);
            }
            Terminator::Unwind => self.landing(0)?,
            Terminator::Unreachable => {
                self.b.ins().trap(UNREACHABLE);
            }
        }
        Ok(())
    }
}
