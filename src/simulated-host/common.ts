// What both simulated hosts share: Office.js load specs, and putting globals in place for a page.

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

/** Every load form Office.js accepts → property paths (`name`, `items/name`, `worksheet/name`). */
export function loadPaths(spec: LoadSpec | undefined): string[] {
  if (spec === undefined || spec === null) return [];
  const list = (s: string | string[]) => (Array.isArray(s) ? s : s.split(",")).map((p) => p.trim()).filter(Boolean);
  if (typeof spec === "string" || Array.isArray(spec)) return list(spec);
  if ("select" in spec || "expand" in spec) {
    const o = spec as { select?: string | string[]; expand?: string | string[] };
    return [...list(o.select ?? []), ...list(o.expand ?? [])];
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      // $all, $top, $skip: options, not properties.
      if (k.startsWith("$")) continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(spec as Record<string, unknown>, "");
  return out;
}

export interface SimOfficeGlobalOptions {
  host: "Excel" | "Word";
  /** Office.context.displayLanguage, e.g. `zh-CN`. */
  language: string;
  /** Office.context.platform; default OfficeOnline. */
  platform?: "OfficeOnline" | "PC" | "Mac";
  theme?: Partial<typeof LIGHT_THEME>;
  isSetSupported(name: string, version?: string): boolean;
  /** Office.context.document, where the host gives one (Word's Common API custom XML parts). */
  document?: Record<string, unknown>;
}

const HOST_TYPES = {
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

const PLATFORM_TYPES = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

const LIGHT_THEME = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
};

/** The global `Office` of a simulated host: onReady with the host, context (language, theme, platform, requirement sets). */
export function officeGlobal(options: SimOfficeGlobalOptions): Record<string, unknown> {
  const platform = options.platform ?? "OfficeOnline";
  const info = { host: HOST_TYPES[options.host], platform };
  return {
    HostType: HOST_TYPES,
    PlatformType: PLATFORM_TYPES,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    FileType: { Compressed: "compressed", Pdf: "pdf", Text: "text" },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: info.host,
      platform,
      displayLanguage: options.language,
      contentLanguage: options.language,
      officeTheme: { ...LIGHT_THEME, ...options.theme },
      requirements: { isSetSupported: options.isSetSupported },
      ...(options.document ? { document: options.document } : {}),
    },
  };
}

/** OfficeExtension.ErrorCodes as the simulated hosts raise them. */
export const SIM_ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
} as const;

/** Sets the given globals and returns a function that puts back what was there before. */
export function installGlobals(globalObj: Record<string, unknown>, values: Record<string, unknown>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, globalObj[k]]));
  Object.assign(globalObj, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete globalObj[key];
      else globalObj[key] = value;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The simulated-office core: what Excel and Word share in how Office.js behaves. Proxies queue
// work; `context.sync()` runs the queue as one round trip (counted, its JSON payload measured both
// ways and held to the host's limit); reading a property or a ClientResult before load+sync throws
// PropertyNotLoaded; `*OrNullObject` proxies learn at the sync whether they are null; requirement
// sets decide which methods exist. Each host adds its own document model and proxies on top.

/** Shaped like OfficeExtension.Error: name `RichApi.Error`, `code`, `debugInfo`, an HTTP status. */
export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;
  readonly httpStatusCode: number;
  constructor(code: string, message?: string, errorLocation?: string) {
    super(message ?? code);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: this.message, errorLocation };
    this.httpStatusCode = code === "AccessDenied" ? 401 : code === "ItemNotFound" ? 404 : code === "GeneralException" ? 500 : 400;
  }
}

export function notLoadedMessage(name: string): string {
  return `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
}

/** Whether version `have` (e.g. "1.12") is at least `want`, part by part. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** A host's requirement sets: the highest version of each it supports. */
export class RequirementSets {
  constructor(readonly sets: Record<string, string>) {}
  isSetSupported(name: string, version = "1.1"): boolean {
    const have = this.sets[name];
    return have !== undefined && versionAtLeast(have, version);
  }
}

/**
 * Bytes a value takes as JSON on the wire (UTF-8). Measured by encoding, not by the adapters' own
 * estimate (adapters/excel/shared.ts), so an error there shows against the host.
 */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Elements of a returned array the host sizes before it gives the pane's thread back. */
export const SIZED_PER_TASK = 2000;

/**
 * jsonBytes of what a sync returns, a long array measured in slices with a task boundary between
 * them. Sizing a response is the host's work (Excel's process, or its server on the web), never the
 * pane's: measured in one piece, a 4 MB block held the playground's pane for 200–400 ms that real
 * Office would not. Exact all the same: the slices' element bytes plus the brackets and commas.
 */
export async function responseJsonBytes(value: unknown): Promise<number> {
  if (!Array.isArray(value) || value.length <= SIZED_PER_TASK) return jsonBytes(value);
  let n = 2 + (value.length - 1);
  for (let at = 0; at < value.length; at += SIZED_PER_TASK) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const part = value.slice(at, at + SIZED_PER_TASK);
    n += jsonBytes(part) - 2 - (part.length - 1);
  }
  return n;
}

export interface SimSyncStats {
  /** Round trips: every context.sync() that had work queued, including those that failed. */
  syncs: number;
  failedSyncs: number;
  /** Per sync, in order: JSON bytes (UTF-8) of what was written / of what was returned (0 when rejected). */
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Error codes of the syncs that failed, in order. */
  errors: string[];
}

export function newSyncStats(): SimSyncStats {
  return { syncs: 0, failedSyncs: 0, requestBytes: [], responseBytes: [], maxRequestBytes: 0, maxResponseBytes: 0, errors: [] };
}

/** What the core asks of a host. */
export interface SimHostCore {
  readonly stats: SimSyncStats;
  readonly latencyMs: number;
  /** Request and response limit per sync, in bytes (Infinity where the host has none to model). */
  readonly payloadLimit: number;
  /** How a sync over the limit fails: the documented payload errors, or GeneralException as Excel on the web has answered. */
  readonly oversize: "payloadError" | "generalException";
  /** A method called on a null object: answers null, or fails the sync with `nullObjectErrorCode`. */
  readonly nullObjectMethods: "null" | "throw";
  readonly nullObjectErrorCode: string;
  /** The host's error, with its own default messages. */
  error(code: string, message?: string, location?: string): SimOfficeError;
}

/** Records what a sync returns: `apply` runs only when the whole sync succeeds; `returned` counts toward the response. */
export type Stage = (apply: () => void, returned: unknown) => void;

/** One queued request: its bytes on the wire, and what it does at the sync. */
export interface SimOp {
  bytes: number;
  run(stage: Stage): void;
}

/** RequestContext: the queue and `sync()`. */
export class SimContextCore<H extends SimHostCore> {
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  _queue: SimOp[] = [];
  constructor(readonly _host: H) {}

  load(object: { load(spec?: LoadSpec): unknown }, spec?: LoadSpec): void {
    object.load(spec);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this._queue;
    this._queue = [];
    if (ops.length === 0) return passThrough;
    const host = this._host;
    const stats = host.stats;
    stats.syncs++;
    // The host answers in a later task (its reply is a message), however quick: never within this one.
    await new Promise((resolve) => setTimeout(resolve, host.latencyMs));
    const requestBytes = ops.reduce((n, op) => n + op.bytes, 0);
    stats.requestBytes.push(requestBytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    const rejected = (error: SimOfficeError): SimOfficeError => {
      stats.failedSyncs++;
      stats.responseBytes.push(0);
      stats.errors.push(error.code);
      return error;
    };
    const oversized = (payloadCode: string) =>
      rejected(
        host.oversize === "generalException" ? host.error("GeneralException", "An internal error has occurred.") : host.error(payloadCode),
      );
    if (requestBytes > host.payloadLimit) throw oversized("RequestPayloadSizeLimitExceeded");
    const staged: (() => void)[] = [];
    const returns: unknown[] = [];
    const stage: Stage = (apply, returned) => {
      if (returned !== undefined) returns.push(returned);
      staged.push(apply);
    };
    try {
      for (const op of ops) op.run(stage);
    } catch (e) {
      throw rejected(e instanceof SimOfficeError ? e : host.error("GeneralException", String((e as Error)?.message ?? e)));
    }
    let responseBytes = 0;
    for (const returned of returns) responseBytes += await responseJsonBytes(returned);
    if (responseBytes > host.payloadLimit) throw oversized("ResponsePayloadSizeLimitExceeded");
    for (const apply of staged) apply();
    stats.responseBytes.push(responseBytes);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    return passThrough;
  }
}

/** OfficeExtension.ClientResult: `value` only after the sync that carried the call. */
export class SimClientResult<T> {
  private _done = false;
  private _value: T | undefined;
  constructor(
    private readonly location: string,
    private readonly error: (code: string, message?: string, location?: string) => SimOfficeError = (c, m, l) =>
      new SimOfficeError(c, m, l),
  ) {}
  get value(): T {
    if (!this._done) throw this.error("PropertyNotLoaded", notLoadedMessage("value"), this.location);
    return this._value as T;
  }
  _set(v: T): void {
    this._done = true;
    this._value = v;
  }
}

/** The navigation properties each simulated class describes, by its prototype. */
const NAVIGATIONS = new WeakMap<object, Record<string, (self: never) => unknown>>();
/** The loaded scalars each simulated class describes, by its prototype. */
const LOADED = new WeakMap<object, readonly string[]>();

/**
 * A proxy object. Loads and actions are queued; `_loadNow` reads scalars (a bare load: every scalar)
 * and passes `nav/…` paths on to navigation properties. An object made with `instantiate` is fixed at
 * the sync (an object path), learning then whether it is a null object; a nullable one made without
 * it keeps resolving and learns only whether it is null.
 */
export abstract class SimObjectCore<M, C extends SimContextCore<SimHostCore>> {
  abstract readonly _className: string;
  /** Scalar properties loaded by a bare load() (a described class: `SimObjectCore.loadedOf(this)`). */
  protected abstract readonly _scalars: readonly string[];
  readonly _loaded = new Map<string, unknown>();
  private _model: M | null | undefined;
  private _instantiated = false;
  private _isNull: boolean | undefined;
  private readonly _navs = new Map<string, SimObjectCore<unknown, C>>();

  constructor(
    readonly context: C,
    private readonly _resolver: () => M | null,
    private readonly _nullable = false,
    instantiate = false,
  ) {
    if (instantiate) context._queue.push({ bytes: 0, run: (stage) => this._instantiate(stage) });
    else if (_nullable)
      context._queue.push({
        bytes: 0,
        run: (stage) => {
          const isNull = this._resolver() === null;
          stage(() => (this._isNull = isNull), undefined);
        },
      });
  }

  get _host(): C["_host"] {
    return this.context._host;
  }

  get isNullObject(): boolean {
    if (!this._nullable) return false;
    if (this._isNull === undefined)
      throw this._host.error("PropertyNotLoaded", notLoadedMessage("isNullObject"), `${this._className}.isNullObject`);
    return this._isNull;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context._queue.push({ bytes: 0, run: (stage) => this._loadNow(paths, stage) });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  _instantiate(stage: Stage): void {
    const m = this._resolver();
    this._model = m;
    this._instantiated = true;
    if (m === null && !this._nullable) throw this._host.error("ItemNotFound", undefined, this._className);
    stage(() => {
      this._isNull = m === null;
    }, undefined);
  }

  /** The model now: fixed once instantiated (like an object path), else worked out from the parent. */
  _resolve(): M | null {
    return this._instantiated ? (this._model as M | null) : this._resolver();
  }

  /** The model, or ItemNotFound. */
  _need(location: string): M {
    const m = this._resolve();
    if (m === null) throw this._host.error("ItemNotFound", undefined, location);
    return m;
  }

  /** The model; ItemNotFound unless this is a null object, which may be null. */
  _target(location: string): M | null {
    const m = this._resolve();
    if (m === null && !this._nullable) throw this._host.error("ItemNotFound", undefined, location);
    return m;
  }

  /** The model for a method call; on a null object, null (or the host's error when it is set to throw). */
  protected _forMethod(location: string): M | null {
    const m = this._target(location);
    if (m === null && this._host.nullObjectMethods === "throw") throw this._host.error(this._host.nullObjectErrorCode, undefined, location);
    return m;
  }

  /** What a load reads from; a host whose loads fail on a missing object overrides it with `_target`. */
  protected _loadTarget(): M | null {
    return this._resolve();
  }

  _loadNow(paths: string[], stage: Stage): void {
    const m = this._loadTarget();
    const scalars = new Set<string>();
    const navs = new Map<string, string[]>();
    for (const p of paths.length ? paths : this._scalars) {
      const [head, ...rest] = p.split("/");
      // A scalar may itself be written as a path (Word's `font/name` on a paragraph).
      if (this._scalars.includes(p) || !(rest.length || this._navNames().includes(head))) scalars.add(p);
      else {
        const sub = navs.get(head) ?? [];
        if (rest.length) sub.push(rest.join("/"));
        navs.set(head, sub);
      }
    }
    for (const name of scalars) {
      if (!this._scalars.includes(name) && !this._extraScalars().includes(name))
        throw this._host.error(
          "InvalidArgument",
          `The property '${name}' does not exist on ${this._className}.`,
          `${this._className}.load`,
        );
      const value = m === null ? null : this._read(m, name);
      stage(() => this._loaded.set(name, value), value);
    }
    for (const [name, sub] of navs) this._nav(name)._loadNow(sub, stage);
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw this._host.error("PropertyNotLoaded", notLoadedMessage(name), `${this._className}.${name}`);
    return this._loaded.get(name) as T;
  }

  /** Queues a write or method call with its arguments on the wire; it runs, in order, at the next sync. */
  protected _action(location: string, args: unknown, run: () => void): void {
    this.context._queue.push({ bytes: jsonBytes(args), run: () => run() });
  }

  /** Queues work that may return what to apply once the whole sync has succeeded. */
  protected _queue(op: () => (() => void) | void): void {
    this.context._queue.push({
      bytes: 0,
      run: (stage) => {
        const commit = op();
        if (commit) stage(commit, undefined);
      },
    });
  }

  /** A ClientResult that fails, before its sync, with this host's error. */
  protected _result<T>(location: string): SimClientResult<T> {
    return new SimClientResult<T>(location, (code, message, at) => this._host.error(code, message, at));
  }

  /**
   * Describes a simulated class's properties once: each name in `loaded` gets a read-only getter that
   * answers what the last load read, or PropertyNotLoaded (as every Office proxy property does); each
   * navigation is made from its parent once, on first use, and takes the `name/…` paths of a load.
   * A property the class writes by hand (a setter beside it, a requirement check first) keeps its
   * own accessor; its navigation may still be described here.
   */
  static describe<T extends object>(
    cls: abstract new (...args: never[]) => T,
    description: { loaded?: readonly string[]; navigations?: Record<string, (self: T) => object> },
  ): void {
    const proto = cls.prototype as object;
    const own = (name: string) => Object.getOwnPropertyDescriptor(proto, name);
    LOADED.set(proto, description.loaded ?? []);
    for (const name of description.loaded ?? []) {
      // A writable property's setter stays the class's own; its reading is the rule's. A path
      // (Word's `font/name`) is read through the object it names, which the class gives.
      const written = own(name);
      if (written?.get || name.includes("/")) continue;
      Object.defineProperty(proto, name, {
        get(this: SimObjectCore<unknown, SimContextCore<SimHostCore>>) {
          return this._get(name);
        },
        set: written?.set,
        configurable: true,
      });
    }
    const navigations = description.navigations ?? {};
    NAVIGATIONS.set(proto, navigations);
    for (const name of Object.keys(navigations))
      if (!own(name))
        Object.defineProperty(proto, name, {
          get(this: SimObjectCore<unknown, SimContextCore<SimHostCore>>) {
            return this._nav(name);
          },
          configurable: true,
        });
  }

  /** The scalars `describe` gave this object's class. */
  static loadedOf(object: object): readonly string[] {
    return LOADED.get(Object.getPrototypeOf(object) as object) ?? [];
  }

  private _navigations(): Record<string, (self: never) => unknown> {
    return NAVIGATIONS.get(Object.getPrototypeOf(this) as object) ?? {};
  }
  protected _navNames(): string[] {
    return Object.keys(this._navigations());
  }
  protected _extraScalars(): readonly string[] {
    return [];
  }
  protected _makeNav(name: string): SimObjectCore<unknown, C> {
    const make = this._navigations()[name];
    // The description was written for this object's class, which made it with its own type.
    if (make) return make(this as never) as SimObjectCore<unknown, C>;
    throw this._host.error("InvalidArgument", undefined, `${this._className}.${name}`);
  }
  _nav<T extends SimObjectCore<unknown, C>>(name: string): T {
    let nav = this._navs.get(name);
    if (!nav) {
      nav = this._makeNav(name);
      this._navs.set(name, nav);
    }
    return nav as T;
  }
  protected abstract _read(m: M, name: string): unknown;
}

/** A collection: `items` after load; a bare or `items/…` load applies to every item. */
export abstract class SimCollectionCore<M, P extends SimObjectCore<M, C>, C extends SimContextCore<SimHostCore>> extends SimObjectCore<
  M[],
  C
> {
  protected readonly _scalars: readonly string[] = ["items"];
  private _items: P[] | undefined;
  private _itemsLoaded = false;
  /** Whether the collection has a `count` property (Excel's do; Word's answer getCount() instead). */
  protected _hasCount = true;
  /** Set on a collection whose empty `items` the host answers as `undefined` (office-js#6673). */
  protected _undefinedWhenEmpty = false;
  /** The proxy class of an item, bound to that item's model (a collection whose items find their model again overrides `_item`). */
  protected readonly _itemClass?: new (context: C, resolver: () => M) => P;

  protected _item(m: M): P {
    if (!this._itemClass) throw new Error(`${this._className} names no item class`);
    return new this._itemClass(this.context, () => m);
  }

  get items(): P[] {
    if (!this._itemsLoaded) throw this._host.error("PropertyNotLoaded", notLoadedMessage("items"), `${this._className}.items`);
    return this._items as P[];
  }

  get count(): number {
    return this._get("count");
  }

  protected override _extraScalars(): readonly string[] {
    return this._hasCount ? ["count"] : [];
  }

  override _loadNow(paths: string[], stage: Stage): void {
    const list = this._loadTarget() ?? [];
    const itemPaths: string[] = [];
    let wantItems = paths.length === 0;
    for (const p of paths) {
      if (p === "count" && this._hasCount) stage(() => this._loaded.set("count", list.length), list.length);
      else if (p === "items") wantItems = true;
      else {
        wantItems = true;
        itemPaths.push(p.startsWith("items/") ? p.slice(6) : p);
      }
    }
    if (!wantItems) return;
    const proxies = list.map((m) => this._item(m));
    for (const proxy of proxies) proxy._loadNow(itemPaths, stage);
    stage(() => {
      this._itemsLoaded = true;
      this._items = proxies.length === 0 && this._undefinedWhenEmpty ? undefined : proxies;
    }, undefined);
  }

  /** getCount(): a ClientResult with the number of items at the sync. */
  protected _count(location: string): SimClientResult<number> {
    const result = this._result<number>(location);
    this._queue(() => {
      const n = (this._target(location) ?? []).length;
      return () => result._set(n);
    });
    return result;
  }

  protected _read(): unknown {
    return undefined;
  }
}
