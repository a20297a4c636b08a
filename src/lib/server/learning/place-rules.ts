/**
 * Pure rules of the learning places: their kinds and levels, what makes a coordinate valid, and
 * where a place goes on the server-drawn map (no tiles: the network may be closed).
 */
export const PLACE_KINDS = ['heritage', 'craft_village', 'museum', 'business', 'nature', 'local_culture', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_LEVELS = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export type CoordinateProblem = 'latitude_range' | 'longitude_range' | 'both_or_neither';

/**
 * WGS 84 degrees: latitude −90…90, longitude −180…180, and either both or neither (a place
 * with only one of them cannot be put on a map).
 */
export function coordinateProblems(latitude: number | null | undefined, longitude: number | null | undefined): { path: 'latitude' | 'longitude'; problem: CoordinateProblem }[] {
	const hasLat = latitude !== null && latitude !== undefined;
	const hasLon = longitude !== null && longitude !== undefined;
	if (hasLat !== hasLon) return [{ path: hasLat ? 'longitude' : 'latitude', problem: 'both_or_neither' }];
	const out: { path: 'latitude' | 'longitude'; problem: CoordinateProblem }[] = [];
	if (hasLat && !(Number.isFinite(latitude) && latitude! >= -90 && latitude! <= 90)) out.push({ path: 'latitude', problem: 'latitude_range' });
	if (hasLon && !(Number.isFinite(longitude) && longitude! >= -180 && longitude! <= 180)) out.push({ path: 'longitude', problem: 'longitude_range' });
	return out;
}

export interface MapPoint<T> {
	item: T;
	x: number;
	y: number;
}

/**
 * Positions places inside a width × height box (with `padding` on every side) by their
 * latitude and longitude, in the bounding box of the places themselves: an equirectangular
 * projection with longitude shrunk by cos(mid-latitude), so distances look right at Hanoi's
 * 21° N, and the same scale on both axes. North is up. One place (or places at one spot) sits
 * in the middle. Places without coordinates are left out.
 */
export function projectToMap<T extends { latitude: number | null; longitude: number | null }>(places: T[], box: { width: number; height: number; padding: number }): MapPoint<T>[] {
	const located = places.filter((p): p is T & { latitude: number; longitude: number } => p.latitude !== null && p.longitude !== null);
	if (!located.length) return [];
	const lats = located.map((p) => p.latitude);
	const lons = located.map((p) => p.longitude);
	const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
	const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const spanX = (maxLon - minLon) * k;
	const spanY = maxLat - minLat;
	const innerW = box.width - 2 * box.padding;
	const innerH = box.height - 2 * box.padding;
	const scale = spanX === 0 && spanY === 0 ? 0 : Math.min(spanX ? innerW / spanX : Infinity, spanY ? innerH / spanY : Infinity);
	// Centre the drawing: the unused room on the shorter axis is split on both sides.
	const offsetX = box.padding + (innerW - spanX * scale) / 2;
	const offsetY = box.padding + (innerH - spanY * scale) / 2;
	const round = (v: number) => Math.round(v * 10) / 10;
	return located.map((p) => ({ item: p, x: round(offsetX + (p.longitude - minLon) * k * scale), y: round(offsetY + (maxLat - p.latitude) * scale) }));
}
