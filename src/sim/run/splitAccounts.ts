// The accounts of one delivery split by their outcome, in their order, in one pass.
//
// Built from array literals, not by `filter`: a list that `filter` makes starts
// with no kind of element and becomes a list of strings only when one passes, so
// the delivery code saw two kinds of list (empty, or of accounts), and the rare
// one first seen after the optimizing compiler had specialised on the other
// threw the compiled delivery away. A literal's allocation site remembers that
// its lists hold strings, so every list made here, empty or not, has one kind.
export function splitAccounts(accounts: readonly string[], passes: (account: string) => boolean): { readonly passed: string[]; readonly failed: string[] } {
  const passed: string[] = [];
  const failed: string[] = [];
  for (let i = 0; i < accounts.length; i++) (passes(accounts[i]) ? passed : failed).push(accounts[i]);
  return { passed, failed };
}
