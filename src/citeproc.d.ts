// citeproc-js ships no types; rif declares the little it uses in src/render/citeproc.ts.
declare module 'citeproc' {
  const CSL: { Engine: new (...args: unknown[]) => unknown };
  export default CSL;
}
