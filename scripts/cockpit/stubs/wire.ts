/**
 * A wire adapter that loads its value from the cockpit server, and the bookkeeping that refreshApex and
 * notifyRecordUpdateAvailable need to find the adapter behind a value.
 */
import type { WireAdapter } from 'lwc';
import { deepFreeze } from './http';

/** Value a wire adapter provisions: data on success, error on failure. */
export interface WiredValue<Data> {
  data: Data | undefined;
  error: unknown;
}

type Config = Record<string, unknown>;

/** Adapters that provisioned a value, so refreshApex(value) finds the adapter to reload. */
const ownerOfValue = new WeakMap<object, FetchingWireAdapter<unknown>>();
/** Connected adapters, so a record change can reload every adapter that shows the record. */
const connectedAdapters = new Set<FetchingWireAdapter<unknown>>();

/**
 * Loads a value from the server whenever its configuration changes, and again on refresh. A configuration with an
 * undefined value is not loaded, as on the platform, where a wire waits until every reactive parameter is set.
 */
export class FetchingWireAdapter<Data> implements WireAdapter<Config> {
  private config: Config | undefined;
  private configKey: string | undefined;
  private loadedKey: string | undefined;
  private isConnected = false;
  private latestRequest = 0;

  /**
   * @param dataCallback Callback that the engine passes to the adapter.
   * @param load Loads the data for a configuration.
   */
  constructor(
    private readonly dataCallback: (value: WiredValue<Data>) => void,
    private readonly load: (config: Config) => Promise<Data>
  ) {}

  /** Configuration the adapter was last given; undefined before the first update. */
  get currentConfig(): Config | undefined {
    return this.config;
  }

  update(config: Config): void {
    const key = JSON.stringify(config);
    if (key === this.configKey) {
      return;
    }
    this.config = config;
    this.configKey = key;
    if (this.isConnected) {
      void this.reload();
    }
  }

  connect(): void {
    this.isConnected = true;
    connectedAdapters.add(this as FetchingWireAdapter<unknown>);
    if (this.config !== undefined && this.loadedKey !== this.configKey) {
      void this.reload();
    }
  }

  disconnect(): void {
    this.isConnected = false;
    connectedAdapters.delete(this as FetchingWireAdapter<unknown>);
  }

  /** Loads the value for the current configuration again and provisions it; resolves once it is provisioned. */
  async reload(): Promise<void> {
    const config = this.config;
    if (config === undefined || Object.values(config).some((value) => value === undefined)) {
      return;
    }
    this.loadedKey = this.configKey;
    const request = ++this.latestRequest;
    let value: WiredValue<Data>;
    try {
      value = { data: deepFreeze(await this.load(config)), error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    // A slower response for an older configuration must not replace the newer one.
    if (request !== this.latestRequest) {
      return;
    }
    ownerOfValue.set(value, this as FetchingWireAdapter<unknown>);
    this.dataCallback(value);
  }
}

/**
 * Reloads the adapter that provisioned `value`; resolves at once when no adapter did.
 * @param value The whole value a wire provisioned, as the component received it.
 */
export function reloadWiredValue(value: unknown): Promise<void> {
  const owner = typeof value === 'object' && value !== null ? ownerOfValue.get(value) : undefined;
  return owner ? owner.reload() : Promise.resolve();
}

/**
 * Reloads every connected adapter whose configuration matches.
 * @param matches Tells whether an adapter's configuration shows the changed data.
 */
export async function reloadConnected(matches: (adapter: FetchingWireAdapter<unknown>) => boolean): Promise<void> {
  await Promise.all([...connectedAdapters].filter(matches).map((adapter) => adapter.reload()));
}
