/**
 * Node's `events` module for the PouchDB baseline page: `pouchdb-browser` imports `events` and
 * leaves it to the bundler (webpack 4 and browserify used to bring a copy), and no package in
 * node_modules provides it. bench/run.mjs aliases `events` to this file for the sync bundles only.
 *
 * The part of Node's EventEmitter that PouchDB uses, with Node's semantics: listeners called in
 * order on a copy of the list, `once` wrappers removable by the original function, `newListener`
 * and `removeListener` events, an `error` without a listener thrown. Methods are plain prototype
 * properties (enumerable), as in Node and the `events` package: PouchDB copies them onto its
 * constructor with `Object.keys(EventEmitter.prototype)`.
 */
type Listener = ((...args: unknown[]) => void) & { listener?: Listener };

interface Emitter {
  _events: Map<string | symbol, Listener[]>;
  _maxListeners: number;
  on(type: string | symbol, listener: Listener): Emitter;
  addListener(type: string | symbol, listener: Listener): Emitter;
  prependListener(type: string | symbol, listener: Listener): Emitter;
  once(type: string | symbol, listener: Listener): Emitter;
  prependOnceListener(type: string | symbol, listener: Listener): Emitter;
  off(type: string | symbol, listener: Listener): Emitter;
  removeListener(type: string | symbol, listener: Listener): Emitter;
  removeAllListeners(type?: string | symbol): Emitter;
  emit(type: string | symbol, ...args: unknown[]): boolean;
  listeners(type: string | symbol): Listener[];
  rawListeners(type: string | symbol): Listener[];
  listenerCount(type: string | symbol): number;
  eventNames(): (string | symbol)[];
  setMaxListeners(n: number): Emitter;
  getMaxListeners(): number;
}

interface EmitterConstructor {
  new (): Emitter;
  (this: Emitter): void;
  prototype: Emitter;
  EventEmitter: EmitterConstructor;
  defaultMaxListeners: number;
  listenerCount(emitter: Emitter, type: string | symbol): number;
}

const EventEmitter = function (this: Emitter) {
  this._events = new Map();
  this._maxListeners = EventEmitter.defaultMaxListeners;
} as unknown as EmitterConstructor;

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);

const proto = EventEmitter.prototype;
const events = (emitter: Emitter) => (emitter._events ??= new Map());

function add(emitter: Emitter, type: string | symbol, listener: Listener, prepend: boolean): Emitter {
  if (typeof listener !== 'function') throw new TypeError('The "listener" argument must be a function');
  const map = events(emitter);
  if (map.has('newListener')) emitter.emit('newListener', type, listener.listener ?? listener);
  const list = map.get(type) ?? [];
  map.set(type, prepend ? [listener, ...list] : [...list, listener]);
  return emitter;
}

function onceWrapper(emitter: Emitter, type: string | symbol, listener: Listener): Listener {
  let fired = false;
  const wrapped: Listener = function (this: unknown, ...args: unknown[]) {
    if (fired) return;
    fired = true;
    emitter.removeListener(type, wrapped);
    listener.apply(emitter, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

proto.on = function (type, listener) {
  return add(this, type, listener, false);
};
proto.addListener = proto.on;
proto.prependListener = function (type, listener) {
  return add(this, type, listener, true);
};
proto.once = function (type, listener) {
  return add(this, type, onceWrapper(this, type, listener), false);
};
proto.prependOnceListener = function (type, listener) {
  return add(this, type, onceWrapper(this, type, listener), true);
};
proto.removeListener = function (type, listener) {
  const map = events(this);
  const list = map.get(type);
  if (!list) return this;
  // The last one added goes first, as in Node.
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      const [removed] = list.splice(i, 1);
      if (!list.length) map.delete(type);
      if (map.has('removeListener')) this.emit('removeListener', type, removed.listener ?? removed);
      break;
    }
  }
  return this;
};
proto.off = proto.removeListener;
proto.removeAllListeners = function (type) {
  const map = events(this);
  const types = type === undefined ? [...map.keys()].filter((name) => name !== 'removeListener') : [type];
  for (const name of types) {
    const list = map.get(name);
    if (!list) continue;
    for (let i = list.length - 1; i >= 0; i--) this.removeListener(name, list[i]);
  }
  if (type === undefined) map.delete('removeListener');
  return this;
};
proto.emit = function (type, ...args) {
  const list = events(this).get(type);
  if (!list?.length) {
    if (type === 'error') {
      const error = args[0];
      throw error instanceof Error ? error : new Error(`Unhandled error. (${String(error)})`);
    }
    return false;
  }
  for (const listener of [...list]) listener.apply(this, args);
  return true;
};
proto.listeners = function (type) {
  return (events(this).get(type) ?? []).map((listener) => listener.listener ?? listener);
};
proto.rawListeners = function (type) {
  return [...(events(this).get(type) ?? [])];
};
proto.listenerCount = function (type) {
  return events(this).get(type)?.length ?? 0;
};
proto.eventNames = function () {
  return [...events(this).keys()];
};
proto.setMaxListeners = function (n) {
  this._maxListeners = n;
  return this;
};
proto.getMaxListeners = function () {
  return this._maxListeners;
};

export default EventEmitter;
export { EventEmitter };
