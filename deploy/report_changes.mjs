// A steward's change steps on a report (src/domain/report_changes.rs), as the relay's
// `judge` (deploy/rules.mjs) reads them: reassign, re-categorise, a new deadline, the
// same problem as another report. A step with a `change` keeps the status it was taken
// in, only while the report is with the stewards, says why, and only the roles named may
// take it (`ChangeKind::roles`, word for word: tests/server/rules.test.mjs compares
// them). The role is the one the step names: the server knows an account is a steward of
// the compound, not which role they have. Pure functions.
export const CHANGE_ROLES = {
  Reassign: ['Red', 'Property', 'Peacemaker'],
  Recategorise: ['Red', 'Property'],
  Deadline: ['Red', 'Property'],
  DuplicateOf: ['Red', 'Property', 'Peacemaker'],
};
export const CHANGEABLE = ['Submitted', 'Acknowledged', 'InProgress', 'Reopened'];
// The values of `Category` and `Role` as serde writes them (their variant names), word for
// word: tests/server/rules.test.mjs reads both enums' declarations and compares.
export const CATEGORIES = ['Sanitation', 'Parking', 'Drainage', 'SepticTank', 'Facilities', 'Safety', 'NeighbourDispute', 'PropertyFee', 'PropertyService', 'Other'];
export const ROLES = ['Red', 'Property', 'Peacemaker'];
const NOTE_MAX = 500;
/** `DEADLINE_MAX_DAYS`: the latest deadline a step may set, after the step. */
const DEADLINE_MAX_MS = 180 * 24 * 3600 * 1000;

/** A step's change as `[kind, value]`, or null when it has none or one the app never
 *  writes (`{"Reassign": "s12"}`, `{"Recategorise": "Drainage"}`, `{"Deadline": ms}`,
 *  `{"DuplicateOf": "R20261201-7KQ3X"}`). */
export function changeOf(step) {
  const c = step?.change;
  if (!c || typeof c !== 'object' || Array.isArray(c)) return null;
  const keys = Object.keys(c);
  if (keys.length !== 1 || !(keys[0] in CHANGE_ROLES)) return null;
  const [kind] = keys;
  const v = c[kind];
  const idLike = typeof v === 'string' && v.length > 0 && v.length <= 64 && !/\s/.test(v);
  const ok = {
    Reassign: idLike,
    Recategorise: CATEGORIES.includes(v),
    Deadline: Number.isSafeInteger(v) && Number.isSafeInteger(step.at) && v > step.at && v <= step.at + DEADLINE_MAX_MS,
    DuplicateOf: idLike && /^R\d{8}-[0-9A-Z]{5}$/.test(v),
  }[kind];
  return ok ? [kind, v] : null;
}

/** What the timeline's last step of `kind` (by time) sets, or undefined. */
export function settled(timeline, kind) {
  let value;
  let at = -Infinity;
  for (const e of timeline) {
    const c = changeOf(e);
    if (c && c[0] === kind && e.at >= at) [at, value] = [e.at, c[1]];
  }
  return value;
}

/** Why `step`, a change step after a step of status `previous`, is not one `writer` may
 *  add, or ''. */
export function changeStep(writer, step, previous) {
  const [kind] = changeOf(step) ?? [];
  if (!kind) return 'a change in its timeline is not one the app writes';
  if (writer !== 'steward' || step.by === null || step.by === undefined) return `only a steward records a ${kind} step`;
  if (!ROLES.includes(step.by) || !CHANGE_ROLES[kind].includes(step.by)) return `a ${step.by} may not take a ${kind} step`;
  if (step.status !== previous || !CHANGEABLE.includes(previous)) return `a ${kind} step cannot be taken in "${previous}"`;
  if (typeof step.note !== 'string' || !step.note.trim() || [...step.note].length > NOTE_MAX) return `a ${kind} step says why, in at most ${NOTE_MAX} characters`;
  return '';
}
