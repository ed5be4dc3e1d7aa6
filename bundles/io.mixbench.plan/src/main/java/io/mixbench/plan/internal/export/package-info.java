/**
 * The plan's exports (docs/plan-exports.md): the moves as JSON and CSV, the rides' breakpoints as CSV and JSON, and
 * the rides as a standard MIDI file of CC7 lanes. Private to the plan bundle.
 */
package io.mixbench.plan.internal.export;
