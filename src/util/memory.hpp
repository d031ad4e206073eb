// Giving freed memory back to the system between the phases of a run.
#pragma once

namespace minsheng {

// Hands the allocator's free pages back to the system (glibc's malloc_trim). Memory a worker
// thread freed stays in that thread's arena, which the main thread never allocates from: without
// this, a reading's let-go rows stay counted against the run while the assessment allocates
// anew beside them (at 128 cities, 50 MB of the summary's peak). Costs a walk of the free
// blocks: call it once a phase has let go of much, not per item. A no-op off glibc.
void give_back_free_memory();

// Sets the allocator for a run over a province's data (glibc's mallopt; a no-op elsewhere).
// Called once, first thing in main.
void tune_allocator();

}  // namespace minsheng
