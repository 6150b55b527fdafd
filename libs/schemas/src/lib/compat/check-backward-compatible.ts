import { arrayRule } from './array.rule';
import { boundsRule } from './bounds.rule';
import { combinatorRule } from './combinator.rule';
import { Comparison } from './comparison';
import { exactRule } from './exact.rule';
import { objectRule } from './object.rule';
import { opaqueRule } from './opaque.rule';
import { valueRule } from './value.rule';

const KNOWN = [valueRule, boundsRule, exactRule, objectRule, arrayRule, combinatorRule];
const RULES = [...KNOWN, opaqueRule(KNOWN.flatMap((r) => r.keywords))];

/**
 * [] when every document `older` accepts is also accepted by `newer`; otherwise the reasons, each
 * starting with a JSON pointer into `newer`. Conservative: a change it cannot prove safe (a new
 * pattern, a changed oneOf) is reported even when it happens to be harmless. Annotations
 * (title, description, examples, `x-` keywords…) never matter.
 */
export function checkBackwardCompatible(older: object, newer: object): string[] {
  return new Comparison(older, newer, RULES).compare(older, newer, '');
}
