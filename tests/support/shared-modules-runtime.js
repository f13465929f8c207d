// Jest's runtime with one difference: modules under node_modules, once loaded in a worker, are kept
// for every later test file of that worker that runs in the same global scope
// (tests/support/shared-environment.ts). The project's own code, test files and mocks still load
// afresh for each file. A kept package that requires lazily, after the file that loaded it has
// ended, is served by the current file's runtime.
const { default: Runtime } = require('jest-runtime');

const state = (globalThis[Symbol.for('ripple.test.sharedModules')] ??= { context: undefined, modules: new Map(), current: undefined });
// Packages that keep state for the whole process load afresh for each file, as before: nestjs-pino
// builds its pino-http middleware once per process (the first app's level and stream would serve
// every later app); @nestjs/typeorm collects every forFeature() entity per data source (a later
// file's app would get every earlier file's entity classes too).
const FRESH_PER_FILE = ['/node_modules/nestjs-pino/', '/node_modules/@nestjs/typeorm/'];
const isPackage = (path) => typeof path === 'string' && path.includes('/node_modules/') && !FRESH_PER_FILE.some((fresh) => path.includes(fresh));

/** The registry of one file, whose node_modules entries live in the worker's shared map. */
class SharedRegistry extends Map {
  constructor(shared) {
    super();
    this.shared = shared;
  }
  get(key) {
    return isPackage(key) ? this.shared.get(key) : super.get(key);
  }
  has(key) {
    return isPackage(key) ? this.shared.has(key) : super.has(key);
  }
  set(key, value) {
    if (isPackage(key)) this.shared.set(key, value);
    else super.set(key, value);
    return this;
  }
  delete(key) {
    // A package that failed to load is forgotten (Jest deletes it), as without sharing.
    return isPackage(key) ? this.shared.delete(key) : super.delete(key);
  }
  keys() {
    return [...super.keys(), ...this.shared.keys()][Symbol.iterator]();
  }
}

class SharedModulesRuntime extends Runtime {
  constructor(config, environment, ...rest) {
    super(config, environment, ...rest);
    const context = environment.getVmContext();
    if (state.context !== context) {
      // Packages are only shared within one global scope (a plain environment has one per file).
      state.context = context;
      state.modules = new Map();
    }
    this.registries.moduleRegistry = new SharedRegistry(state.modules);
    state.current = this;
  }

  requireModuleOrMock(from, moduleName) {
    const current = state.current;
    if (this.testState.isTornDown() && current && current !== this && !current.testState.isTornDown() && isPackage(from)) {
      return current.requireModuleOrMock(from, moduleName);
    }
    return super.requireModuleOrMock(from, moduleName);
  }
}

module.exports = SharedModulesRuntime;
module.exports.default = SharedModulesRuntime;
