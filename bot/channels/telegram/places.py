"""A shared location as one of the 20 districts of Pomorskie, so the core can show that district's contacts.

The directory names districts and towns but has no coordinates yet, so this module keeps approximate
coordinates of a few towns per district (the seat first) and picks the district of the nearest town. Land
districts that surround a city (Słupsk, Gdańsk) list towns away from the city, so a point inside the city
finds the city. A point far from every town (outside the region) finds nothing.
"""

from __future__ import annotations

import math

MAX_DISTANCE_KM = 40.0

# District id (content/directory/districts.yml) -> (latitude, longitude) of some of its towns.
TOWNS: dict[str, tuple[tuple[float, float], ...]] = {
    "gdansk": ((54.352, 18.647), (54.381, 18.606), (54.411, 18.561), (54.326, 18.640), (54.426, 18.468)),
    "gdynia": ((54.519, 18.531), (54.540, 18.460), (54.485, 18.553), (54.470, 18.490)),
    "sopot": ((54.442, 18.560),),
    "slupsk": ((54.464, 17.029),),
    "bytowski": ((54.171, 17.492), (54.003, 16.982), (54.235, 17.228), (54.195, 17.665)),
    "chojnicki": ((53.696, 17.557), (53.799, 17.977), (53.885, 17.719)),
    "czluchowski": ((53.664, 17.362), (53.686, 16.936), (53.536, 17.233)),
    "gdanski": ((54.262, 18.636), (54.270, 18.450), (54.174, 18.700), (54.253, 18.842)),
    "kartuski": ((54.334, 18.197), (54.343, 18.365), (54.345, 17.893), (54.380, 18.280)),
    "koscierski": ((54.122, 17.981), (54.096, 17.744), (53.990, 18.170), (53.970, 17.960)),
    "kwidzynski": ((53.730, 18.924), (53.757, 19.198), (53.609, 18.949)),
    "leborski": ((54.539, 17.750), (54.760, 17.556), (54.430, 17.730)),
    "malborski": ((54.036, 19.028), (54.136, 19.003), (54.057, 19.197)),
    "nowodworski": ((54.214, 19.116), (54.381, 19.447), (54.327, 19.112)),
    "pucki": ((54.718, 18.408), (54.791, 18.402), (54.608, 18.800), (54.696, 18.679), (54.778, 18.160)),
    "slupski": ((54.580, 16.862), (54.238, 16.894), (54.614, 17.378), (54.480, 17.490)),
    "starogardzki": ((53.965, 18.530), (54.066, 18.447), (53.840, 18.100), (53.790, 18.520)),
    "sztumski": ((53.921, 19.034), (53.925, 19.346), (53.840, 19.160)),
    "tczewski": ((54.092, 18.778), (53.930, 18.698), (53.835, 18.826)),
    "wejherowski": ((54.606, 18.236), (54.571, 18.392), (54.604, 18.348), (54.562, 18.100), (54.700, 18.020)),
}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def nearest_district(latitude: float, longitude: float) -> str | None:
    """The district of the nearest known town, or None when the point is outside Pomorskie."""
    point = (latitude, longitude)
    best = min(
        ((distance_km(point, town), district) for district, towns in TOWNS.items() for town in towns),
        default=None,
    )
    if best is None or best[0] > MAX_DISTANCE_KM:
        return None
    return best[1]
