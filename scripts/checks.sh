#!/usr/bin/env sh
# The static checks of `npm test`: the type check (which also builds dist/ for the smoke test)
# on one core while the linter and the import-cycle check run on the other. Fails if any fails.
set -u
npx tsc -p tsconfig.json &
typecheck=$!
npx eslint . && npx madge --circular --extensions ts src adapters staff-console cli > /dev/null 2>&1
others=$?
wait "$typecheck"
types=$?
[ "$types" -eq 0 ] || echo "checks: the type check failed" >&2
[ "$others" -eq 0 ] || echo "checks: lint or the import-cycle check failed (npm run lint, npm run cycles)" >&2
[ "$types" -eq 0 ] && [ "$others" -eq 0 ]
