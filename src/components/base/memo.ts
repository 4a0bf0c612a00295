/**
 * Remembers the last result of `compute` and recomputes only when one of `deps` changed
 * (compared with `===`): a keystroke in the search box must not re-derive what the records decide.
 */
export function memo<A extends readonly unknown[], R>(compute: (...deps: A) => R): (...deps: A) => R {
  let last: { deps: A; value: R } | undefined;
  return (...deps: A) => {
    if (!last || last.deps.length !== deps.length || last.deps.some((dep, i) => dep !== deps[i])) last = { deps, value: compute(...deps) };
    return last.value;
  };
}
