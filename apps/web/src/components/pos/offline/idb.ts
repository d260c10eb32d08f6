// A few promises over IndexedDB (no library): the till's durable storage. One database per
// browser profile; every write is its own transaction and resolves only once committed, so
// a sale written here survives a closed tab or a browser restart.

const DB_NAME = "oms-pos";
const DB_VERSION = 1;
export type StoreName = "queue" | "catalog" | "pins" | "receipts";

let opening: Promise<IDBDatabase> | null = null;

export function openTillDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "clientId" }).createIndex("seq", "seq", { unique: true });
      if (!db.objectStoreNames.contains("catalog")) db.createObjectStore("catalog", { keyPath: "locationId" });
      if (!db.objectStoreNames.contains("pins")) db.createObjectStore("pins", { keyPath: "userId" });
      if (!db.objectStoreNames.contains("receipts")) db.createObjectStore("receipts", { keyPath: "clientId" });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: close so it can, and reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error ?? new Error("IndexedDB is not available"));
    };
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("The browser storage refused the write"));
    tx.onerror = () => reject(tx.error ?? new Error("The browser storage refused the write"));
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function idbGet<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  const db = await openTillDatabase();
  return (await result(db.transaction(store, "readonly").objectStore(store).get(key))) as T | undefined;
}

export async function idbAll<T>(store: StoreName, index?: string): Promise<T[]> {
  const db = await openTillDatabase();
  const os = db.transaction(store, "readonly").objectStore(store);
  return (await result(index ? os.index(index).getAll() : os.getAll())) as T[];
}

/** Writes `value`; resolves when the transaction has committed (durability "strict" where supported). */
export async function idbPut<T>(store: StoreName, value: T): Promise<void> {
  const db = await openTillDatabase();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  tx.objectStore(store).put(value);
  await done(tx);
}

export async function idbDelete(store: StoreName, key: IDBValidKey): Promise<void> {
  const db = await openTillDatabase();
  const tx = db.transaction(store, "readwrite", { durability: "strict" });
  tx.objectStore(store).delete(key);
  await done(tx);
}
