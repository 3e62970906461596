//! The ownership pass: from the rules in `mir`, computes which owned values are
//! alive at every program point, verifies that lowering kept those rules, and
//! derives the releases nobody wrote explicitly: on the way from a failing op to
//! its handler, on a join edge that leaves a value behind, and at a `Return`.
//! Codegen emits exactly these releases, so reference counting is decided here.

use std::collections::{BTreeSet, HashMap};

use skink_abi::{Raises, RtFn};

use crate::mir::*;

type State = BTreeSet<ValueId>;

/// Where the implicit releases go.
#[derive(Clone, Debug, Default)]
pub struct Releases {
    /// Before unwinding from (block, instruction index) to the handler; the
    /// terminator `Unwind` has index `insts.len()`.
    pub unwind: HashMap<(BlockId, usize), Vec<ValueId>>,
    /// On the edge between two blocks.
    pub edge: HashMap<(BlockId, BlockId), Vec<ValueId>>,
    /// Before a `Return`.
    pub ret: HashMap<BlockId, Vec<ValueId>>,
}

/// Runtime functions that take over the references they are given.
pub fn consumes_args(f: RtFn) -> bool {
    matches!(f, RtFn::TupleNew | RtFn::ListNew)
}

/// Whether `inst` may raise (and so unwinds to the block's handler).
pub fn may_raise(inst: &Inst) -> bool {
    match inst {
        Inst::Call { func, .. } => func.raises() != Raises::Never,
        Inst::CallUser { .. } | Inst::Unpack { .. } | Inst::CheckBound { .. } => true,
        Inst::Prim { op, .. } => op.may_raise(),
        _ => false,
    }
}

pub(crate) fn successors(b: &Block) -> Vec<BlockId> {
    let mut out = match &b.term {
        Terminator::Jump(t, _) => vec![*t],
        Terminator::Branch { then_, else_, .. } => vec![*then_, *else_],
        _ => vec![],
    };
    out.extend(b.handler);
    out
}

/// The blocks reachable from the entry, each after its dominators.
pub fn reverse_postorder(f: &Function) -> Vec<BlockId> {
    let Some(entry) = f.blocks.keys().next() else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    let mut post = Vec::new();
    // Iterative DFS: (block, next successor index).
    let mut stack = vec![(entry, 0usize)];
    seen.insert(entry);
    while let Some((b, i)) = stack.pop() {
        let succ = successors(&f.blocks[b]);
        if let Some(&s) = succ.get(i) {
            stack.push((b, i + 1));
            if seen.insert(s) {
                stack.push((s, 0));
            }
        } else {
            post.push(b);
        }
    }
    post.reverse();
    post
}

/// Whether some block of `f` can be reached again from itself.
pub fn has_loop(f: &Function) -> bool {
    let order = reverse_postorder(f);
    let mut position = SecondaryMap::with_default(usize::MAX);
    for (i, &b) in order.iter().enumerate() {
        position[b] = i;
    }
    // In reverse postorder only an edge that closes a cycle goes backwards.
    order
        .iter()
        .enumerate()
        .any(|(i, &b)| successors(&f.blocks[b]).iter().any(|&s| position[s] <= i))
}

struct Pass<'a> {
    f: &'a Function,
    releases: Releases,
    errors: Vec<String>,
}

impl Pass<'_> {
    fn is_word(&self, v: ValueId) -> bool {
        self.f.values[v] == Ty::Word
    }

    fn take(&mut self, state: &mut State, v: ValueId, what: &str) {
        if self.is_word(v) && !state.remove(&v) {
            self.errors
                .push(format!("{what} of {v}, which is not owned here"));
        }
    }

    fn own(&mut self, state: &mut State, v: ValueId) {
        if self.is_word(v) && !state.insert(v) {
            self.errors.push(format!("{v} owned twice"));
        }
    }

    /// Runs the block's instructions from `state`; with `record`, notes releases.
    fn run_block(
        &mut self,
        b: BlockId,
        mut state: State,
        handler_state: Option<&State>,
        record: bool,
    ) -> State {
        let block = &self.f.blocks[b];
        for (i, inst) in block.insts.iter().enumerate() {
            let raise_at = |pass: &mut Pass, state: &State| {
                if record {
                    pass.note_unwind(b, i, state, handler_state);
                }
            };
            match inst {
                Inst::Word { dst, .. }
                | Inst::Const { dst, .. }
                | Inst::BoolWord { dst, .. }
                | Inst::Copy { dst, .. }
                | Inst::ClosureCell { dst, .. } => self.own(&mut state, *dst),
                Inst::LoadLocal { .. }
                | Inst::LoadGlobal { .. }
                | Inst::LoadCell { .. }
                | Inst::IsWord { .. }
                | Inst::SameWord { .. }
                | Inst::F64Const { .. }
                | Inst::TruthConst { .. } => {}
                Inst::Prim { dst, op, .. } => {
                    if op.may_raise() {
                        raise_at(self, &state);
                    }
                    // Only `BoxFloat` makes a word, which it owns.
                    self.own(&mut state, *dst);
                }
                Inst::StoreLocal { src, .. }
                | Inst::StoreGlobal { src, .. }
                | Inst::StoreCell { src, .. } => self.take(&mut state, *src, "store"),
                Inst::IncRef(v) => self.own(&mut state, *v),
                Inst::DecRef(v) => self.take(&mut state, *v, "decref"),
                Inst::CheckBound { .. } => raise_at(self, &state),
                Inst::Call {
                    dst, func, args, ..
                } => {
                    if consumes_args(*func) {
                        for a in args {
                            if let Arg::Array(vs) = a {
                                for v in vs {
                                    self.take(&mut state, *v, "moving call argument");
                                }
                            }
                        }
                    }
                    if func.raises() != Raises::Never {
                        raise_at(self, &state);
                    }
                    if let Some(d) = dst {
                        self.own(&mut state, *d);
                    }
                }
                Inst::CallUser { dst, args, .. } => {
                    for v in args {
                        self.take(&mut state, *v, "moving call argument");
                    }
                    raise_at(self, &state);
                    self.own(&mut state, *dst);
                }
                Inst::Unpack { dsts, .. } => {
                    raise_at(self, &state);
                    for d in dsts {
                        self.own(&mut state, *d);
                    }
                }
            }
        }
        match &block.term {
            Terminator::Jump(_, args) => {
                for a in args {
                    self.take(&mut state, *a, "jump argument");
                }
            }
            Terminator::Return(v) => {
                self.take(&mut state, *v, "return");
                if record {
                    self.releases.ret.insert(b, state.iter().copied().collect());
                }
            }
            Terminator::Unwind => {
                if record {
                    self.note_unwind(b, block.insts.len(), &state, handler_state);
                }
            }
            Terminator::Branch { .. } | Terminator::Unreachable => {}
        }
        state
    }

    fn note_unwind(&mut self, b: BlockId, i: usize, state: &State, handler: Option<&State>) {
        let release: Vec<ValueId> = match handler {
            Some(h) => {
                if let Some(missing) = h.difference(state).next() {
                    self.errors.push(format!(
                        "{b}: the handler expects {missing} owned, which is not owned here"
                    ));
                }
                state.difference(h).copied().collect()
            }
            None => state.iter().copied().collect(),
        };
        if !release.is_empty() {
            self.releases.unwind.insert((b, i), release);
        }
    }
}

/// Computes the implicit releases of `f`, or describes how lowering broke the rules.
pub fn analyze(f: &Function) -> Result<Releases, Vec<String>> {
    let order = reverse_postorder(f);
    let mut pass = Pass {
        f,
        releases: Releases::default(),
        errors: Vec::new(),
    };
    let params_of = |b: BlockId| -> State {
        f.blocks[b]
            .params
            .iter()
            .copied()
            .filter(|&p| f.values[p] == Ty::Word)
            .collect()
    };
    // Entry states: the intersection over incoming edges (values owned on only some
    // paths are released on the others), to a fixpoint over loops.
    let mut entry: HashMap<BlockId, State> = HashMap::new();
    if let Some(&first) = order.first() {
        entry.insert(first, State::new());
    }
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 1000 {
        changed = false;
        rounds += 1;
        for &b in &order {
            let Some(state) = entry.get(&b).cloned() else {
                continue;
            };
            let out = pass.run_block(b, state, None, false);
            let block = &f.blocks[b];
            let targets: Vec<BlockId> = match &block.term {
                Terminator::Jump(t, _) => vec![*t],
                Terminator::Branch { then_, else_, .. } => vec![*then_, *else_],
                _ => vec![],
            };
            for t in targets {
                let incoming: State = out.union(&params_of(t)).copied().collect();
                let new = match entry.get(&t) {
                    Some(old) => old.intersection(&incoming).copied().collect(),
                    None => incoming,
                };
                if entry.get(&t) != Some(&new) {
                    entry.insert(t, new);
                    changed = true;
                }
            }
            // A handler starts with the state its `try` (or `except` clause) began with.
            if let Some(h) = block.handler
                && let Some(c) = f.blocks[h].catch_state
                && let Some(s) = entry.get(&c).cloned()
                && entry.get(&h) != Some(&s)
            {
                entry.insert(h, s);
                changed = true;
            }
        }
    }
    pass.errors.clear();
    for &b in &order {
        let Some(state) = entry.get(&b).cloned() else {
            continue;
        };
        let handler_state = f.blocks[b]
            .handler
            .map(|h| entry.get(&h).cloned().unwrap_or_default());
        let out = pass.run_block(b, state, handler_state.as_ref(), true);
        let targets: Vec<BlockId> = match &f.blocks[b].term {
            Terminator::Jump(t, _) => vec![*t],
            Terminator::Branch { then_, else_, .. } => vec![*then_, *else_],
            _ => vec![],
        };
        for t in targets {
            let want = entry.get(&t).cloned().unwrap_or_default();
            let release: Vec<ValueId> = out.difference(&want).copied().collect();
            if !release.is_empty() {
                pass.releases.edge.insert((b, t), release);
            }
        }
    }
    if pass.errors.is_empty() {
        Ok(pass.releases)
    } else {
        pass.errors.sort();
        pass.errors.dedup();
        Err(pass.errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cranelift_codegen::entity::PrimaryMap;

    /// A one-block function whose only value is an immediate, with `insts` before
    /// returning `None`.
    fn check(build: impl FnOnce(ValueId) -> Vec<Inst>) -> Result<Releases, Vec<String>> {
        let mut values = PrimaryMap::new();
        let (v, ret) = (values.push(Ty::Word), values.push(Ty::Word));
        let mut blocks = PrimaryMap::new();
        let mut insts = vec![Inst::Word { dst: v, word: 1 }];
        insts.extend(build(v));
        insts.push(Inst::Word { dst: ret, word: 2 });
        blocks.push(Block {
            insts,
            term: Terminator::Return(ret),
            ..Block::default()
        });
        analyze(&Function {
            name: "f".into(),
            is_module: false,
            is_generator: false,
            params: vec![],
            locals: PrimaryMap::new(),
            local_tys: cranelift_codegen::entity::SecondaryMap::with_default(Ty::Word),
            specialized: false,
            ints: Default::default(),
            values,
            blocks,
        })
    }

    #[test]
    fn a_release_of_what_is_not_owned_is_an_error() {
        let ok = check(|v| vec![Inst::DecRef(v)]);
        assert!(ok.is_ok(), "{ok:?}");
        let twice = check(|v| vec![Inst::DecRef(v), Inst::DecRef(v)]);
        assert!(
            matches!(&twice, Err(e) if e[0].contains("not owned")),
            "{twice:?}"
        );
    }

    #[test]
    fn what_a_return_leaves_behind_is_released() {
        let r = check(|_| vec![]).expect("valid");
        assert_eq!(r.ret.values().next().map(Vec::len), Some(1));
    }
}
