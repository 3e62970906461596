//! Block merging: a block whose only way in is the jump at the end of another
//! block joins that block, its parameters replaced by the jump's arguments.
//! Lowering leaves such chains at every join of a condition (`if a < b:` jumps
//! with the comparison's truth value to the block that branches on it); merged,
//! the comparison and the branch sit in one block, where code generation fuses
//! them. Blocks nothing reaches are emptied on the way.

use std::collections::HashMap;

use crate::mir::ownership::reverse_postorder;
use crate::mir::unbox::substitute;
use crate::mir::*;

/// Merges every block into its predecessor where that is its only way in and
/// both send exceptions to the same handler.
pub fn merge_blocks(f: &mut Function) {
    let mut ways_in: HashMap<BlockId, usize> = HashMap::new();
    let mut count = |b: BlockId, n: usize| *ways_in.entry(b).or_default() += n;
    if let Some(entry) = f.blocks.keys().next() {
        count(entry, 1);
    }
    // Blocks nothing reaches are emptied: their jumps are no ways in.
    let reachable = reverse_postorder(f);
    let live: std::collections::HashSet<BlockId> = reachable.iter().copied().collect();
    for (b, block) in f.blocks.iter_mut() {
        if !live.contains(&b) {
            *block = Block::default();
        }
    }
    for block in reachable.iter().map(|&b| &f.blocks[b]) {
        match &block.term {
            Terminator::Jump(to, _) => count(*to, 1),
            Terminator::Branch { then_, else_, .. } => {
                count(*then_, 1);
                count(*else_, 1);
            }
            _ => {}
        }
        // A handler, or the block a handler takes its state from, keeps its
        // identity.
        for b in block.handler.iter().chain(&block.catch_state) {
            count(*b, 2);
        }
    }
    // Merging moves an edge from the merged block to its predecessor, so the
    // counts of every other block stay true.
    let mut subst: HashMap<ValueId, ValueId> = HashMap::new();
    for a in reachable {
        while let Terminator::Jump(b, _) = f.blocks[a].term {
            let next = &f.blocks[b];
            if b == a
                || ways_in.get(&b) != Some(&1)
                || next.handler != f.blocks[a].handler
                || next.catch_state.is_some()
            {
                break;
            }
            let taken = std::mem::take(&mut f.blocks[b]);
            ways_in.remove(&b);
            let Terminator::Jump(_, args) = std::mem::take(&mut f.blocks[a].term) else {
                unreachable!("matched a jump")
            };
            subst.extend(taken.params.iter().copied().zip(args));
            f.blocks[a].insts.extend(taken.insts);
            f.blocks[a].term = taken.term;
        }
    }
    substitute(f, &subst);
}
