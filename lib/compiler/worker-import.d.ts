/** Vite bundles a module imported with `?worker` as a worker script of its own. */
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
