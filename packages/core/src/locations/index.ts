export { listLocations, ListLocationsInput } from "./list-locations.ts";
export { getLocation } from "./get-location.ts";
export { listStoresForDevice, type DeviceStore } from "./list-stores-for-device.ts";
export { toLocationSummary, locationSummarySelect } from "./location-summary.ts";
