// Fixed facts of the demo retailer: markets, locations, cities and word lists. Real cities,
// coordinates and street names; everything else (people, phone numbers) is invented.

export const ORGANIZATION_NAME = "Northwind Outfitters";

export interface MarketSpec {
  code: string;
  name: string;
  currency: string;
  countries: string[];
  countryCode: string;
  locale: string;
  timeZone: string;
  taxRateBps: number;
  reducedTaxRateBps: number;
  /** Flat shipping and same-day delivery fees, and the free-shipping threshold (minor units). */
  shippingFee: number;
  deliveryFee: number;
  freeShippingFrom: number;
  /** Cash float a register opens with (minor units) and the notes/coins it is counted in. */
  openingFloat: number;
  denominations: number[];
  phonePrefix: string;
  carrier: { name: string; service: string };
}

export const MARKETS: MarketSpec[] = [
  {
    code: "PL",
    name: "Poland",
    currency: "PLN",
    countries: ["PL"],
    countryCode: "PL",
    locale: "pl-PL",
    timeZone: "Europe/Warsaw",
    taxRateBps: 2300,
    reducedTaxRateBps: 500,
    shippingFee: 1499,
    deliveryFee: 2499,
    freeShippingFrom: 29900,
    openingFloat: 50000,
    denominations: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
    phonePrefix: "+48",
    carrier: { name: "InPost", service: "Kurier Standard" },
  },
  {
    code: "DE",
    name: "Germany",
    currency: "EUR",
    countries: ["DE", "AT"],
    countryCode: "DE",
    locale: "de-DE",
    timeZone: "Europe/Berlin",
    taxRateBps: 1900,
    reducedTaxRateBps: 700,
    shippingFee: 495,
    deliveryFee: 695,
    freeShippingFrom: 7900,
    openingFloat: 20000,
    denominations: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
    phonePrefix: "+49",
    carrier: { name: "DHL", service: "Paket" },
  },
  {
    code: "SE",
    name: "Sweden",
    currency: "SEK",
    countries: ["SE"],
    countryCode: "SE",
    locale: "sv-SE",
    timeZone: "Europe/Stockholm",
    taxRateBps: 2500,
    reducedTaxRateBps: 600,
    shippingFee: 4900,
    deliveryFee: 7900,
    freeShippingFrom: 79900,
    openingFloat: 200000,
    denominations: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
    phonePrefix: "+46",
    carrier: { name: "PostNord", service: "MyPack Home" },
  },
];

export type Hours = { open: string; close: string }[];
export type OpeningHours = Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", Hours>;

function hours(weekday: [string, string], saturday: [string, string] | null, sunday: [string, string] | null): OpeningHours {
  const day = (h: [string, string] | null): Hours => (h ? [{ open: h[0], close: h[1] }] : []);
  return {
    mon: day(weekday),
    tue: day(weekday),
    wed: day(weekday),
    thu: day(weekday),
    fri: day(weekday),
    sat: day(saturday),
    sun: day(sunday),
  };
}

export interface LocationSpec {
  code: string;
  name: string;
  kind: "STORE" | "WAREHOUSE" | "DROPSHIP_SUPPLIER";
  market: string;
  addressLine1: string;
  city: string;
  postalCode: string;
  region: string;
  latitude: number;
  longitude: number;
  phone: string;
  fulfillmentTypes: ("CARRY_OUT" | "PICKUP" | "SHIP" | "DELIVERY")[];
  openingHours: OpeningHours;
  dailyCapacity: number | null;
  /** Relative share of POS sales. */
  footfall: number;
}

export const LOCATIONS: LocationSpec[] = [
  {
    code: "WH1",
    name: "Northwind Fulfilment Centre Stryków",
    kind: "WAREHOUSE",
    market: "PL",
    addressLine1: "ul. Inwestycyjna 10",
    city: "Stryków",
    postalCode: "95-010",
    region: "łódzkie",
    latitude: 51.9036,
    longitude: 19.6047,
    phone: "+48427190100",
    fulfillmentTypes: ["SHIP"],
    openingHours: hours(["06:00", "22:00"], ["06:00", "14:00"], null),
    dailyCapacity: 400,
    footfall: 0,
  },
  {
    code: "WAW1",
    name: "Northwind Warszawa Marszałkowska",
    kind: "STORE",
    market: "PL",
    addressLine1: "ul. Marszałkowska 104/122",
    city: "Warszawa",
    postalCode: "00-017",
    region: "mazowieckie",
    latitude: 52.2319,
    longitude: 21.0067,
    phone: "+48223310120",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"],
    openingHours: hours(["10:00", "21:00"], ["10:00", "21:00"], null),
    dailyCapacity: 60,
    footfall: 5,
  },
  {
    code: "KRK1",
    name: "Northwind Kraków Floriańska",
    kind: "STORE",
    market: "PL",
    addressLine1: "ul. Floriańska 23",
    city: "Kraków",
    postalCode: "31-019",
    region: "małopolskie",
    latitude: 50.0634,
    longitude: 19.9403,
    phone: "+48124220130",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
    openingHours: hours(["10:00", "20:00"], ["10:00", "20:00"], null),
    dailyCapacity: 40,
    footfall: 3,
  },
  {
    code: "GDN1",
    name: "Northwind Gdańsk Długa",
    kind: "STORE",
    market: "PL",
    addressLine1: "ul. Długa 45",
    city: "Gdańsk",
    postalCode: "80-827",
    region: "pomorskie",
    latitude: 54.3487,
    longitude: 18.6522,
    phone: "+48583010140",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP"],
    openingHours: hours(["10:00", "20:00"], ["10:00", "18:00"], null),
    dailyCapacity: 30,
    footfall: 2,
  },
  {
    code: "BER1",
    name: "Northwind Berlin Alexanderplatz",
    kind: "STORE",
    market: "DE",
    addressLine1: "Rathausstraße 5",
    city: "Berlin",
    postalCode: "10178",
    region: "Berlin",
    latitude: 52.52,
    longitude: 13.4095,
    phone: "+49302478150",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"],
    openingHours: hours(["10:00", "20:00"], ["10:00", "20:00"], null),
    dailyCapacity: 60,
    footfall: 4,
  },
  {
    code: "MUC1",
    name: "Northwind München Kaufingerstraße",
    kind: "STORE",
    market: "DE",
    addressLine1: "Kaufingerstraße 28",
    city: "München",
    postalCode: "80331",
    region: "Bayern",
    latitude: 48.1374,
    longitude: 11.5724,
    phone: "+49892311160",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP"],
    openingHours: hours(["09:30", "20:00"], ["09:30", "20:00"], null),
    dailyCapacity: 35,
    footfall: 3,
  },
  {
    code: "HAM1",
    name: "Northwind Hamburg Mönckebergstraße",
    kind: "STORE",
    market: "DE",
    addressLine1: "Mönckebergstraße 7",
    city: "Hamburg",
    postalCode: "20095",
    region: "Hamburg",
    latitude: 53.5503,
    longitude: 10.0006,
    phone: "+49403095170",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
    openingHours: hours(["10:00", "20:00"], ["10:00", "20:00"], null),
    dailyCapacity: 40,
    footfall: 2,
  },
  {
    code: "STO1",
    name: "Northwind Stockholm Drottninggatan",
    kind: "STORE",
    market: "SE",
    addressLine1: "Drottninggatan 53",
    city: "Stockholm",
    postalCode: "111 21",
    region: "Stockholms län",
    latitude: 59.3326,
    longitude: 18.0649,
    phone: "+46812345180",
    fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
    openingHours: hours(["10:00", "19:00"], ["10:00", "18:00"], ["11:00", "17:00"]),
    dailyCapacity: 35,
    footfall: 2,
  },
  {
    code: "DS1",
    name: "Tatra Gear Supply (dropship)",
    kind: "DROPSHIP_SUPPLIER",
    market: "PL",
    addressLine1: "ul. Kolejowa 12",
    city: "Nowy Targ",
    postalCode: "34-400",
    region: "małopolskie",
    latitude: 49.4775,
    longitude: 20.0322,
    phone: "+48182640190",
    fulfillmentTypes: ["SHIP"],
    openingHours: hours(["08:00", "16:00"], null, null),
    dailyCapacity: 100,
    footfall: 0,
  },
];

export interface CitySpec {
  name: string;
  market: string;
  region: string;
  latitude: number;
  longitude: number;
  /** Returns a plausible postal code from two random numbers. */
  postal: (a: number, b: number) => string;
  weight: number;
}

const pl = (prefix: number, span: number) => (a: number, b: number) =>
  `${String(prefix + (a % span)).padStart(2, "0")}-${String(b % 1000).padStart(3, "0")}`;
const de = (from: number, span: number) => (a: number, b: number) => String(from + ((a * 1000 + b) % span)).padStart(5, "0");
const se = (from: number) => (a: number, b: number) => `${from + (a % 9)} ${String(b % 100).padStart(2, "0")}`;

export const CITIES: CitySpec[] = [
  { name: "Warszawa", market: "PL", region: "mazowieckie", latitude: 52.2297, longitude: 21.0122, postal: pl(0, 5), weight: 10 },
  { name: "Kraków", market: "PL", region: "małopolskie", latitude: 50.0647, longitude: 19.945, postal: pl(30, 2), weight: 6 },
  { name: "Gdańsk", market: "PL", region: "pomorskie", latitude: 54.352, longitude: 18.6466, postal: pl(80, 1), weight: 4 },
  { name: "Wrocław", market: "PL", region: "dolnośląskie", latitude: 51.1079, longitude: 17.0385, postal: pl(50, 5), weight: 4 },
  { name: "Poznań", market: "PL", region: "wielkopolskie", latitude: 52.4064, longitude: 16.9252, postal: pl(60, 2), weight: 3 },
  { name: "Łódź", market: "PL", region: "łódzkie", latitude: 51.7592, longitude: 19.456, postal: pl(90, 5), weight: 3 },
  { name: "Berlin", market: "DE", region: "Berlin", latitude: 52.52, longitude: 13.405, postal: de(10115, 4000), weight: 8 },
  { name: "München", market: "DE", region: "Bayern", latitude: 48.1351, longitude: 11.582, postal: de(80331, 1600), weight: 5 },
  { name: "Hamburg", market: "DE", region: "Hamburg", latitude: 53.5511, longitude: 9.9937, postal: de(20095, 2500), weight: 5 },
  { name: "Köln", market: "DE", region: "Nordrhein-Westfalen", latitude: 50.9375, longitude: 6.9603, postal: de(50667, 300), weight: 3 },
  { name: "Frankfurt am Main", market: "DE", region: "Hessen", latitude: 50.1109, longitude: 8.6821, postal: de(60306, 300), weight: 3 },
  { name: "Stockholm", market: "SE", region: "Stockholms län", latitude: 59.3293, longitude: 18.0686, postal: se(111), weight: 6 },
  { name: "Göteborg", market: "SE", region: "Västra Götalands län", latitude: 57.7089, longitude: 11.9746, postal: se(411), weight: 3 },
  { name: "Malmö", market: "SE", region: "Skåne län", latitude: 55.605, longitude: 13.0038, postal: se(211), weight: 2 },
];

export const STREETS: Record<string, string[]> = {
  PL: [
    "ul. Mickiewicza", "ul. Słowackiego", "ul. Kościuszki", "ul. Piłsudskiego", "ul. Sienkiewicza",
    "ul. Polna", "ul. Leśna", "ul. Ogrodowa", "ul. Lipowa", "ul. Kwiatowa", "ul. Szkolna",
    "ul. Kolejowa", "ul. Wiśniowa", "ul. Długa", "al. Jana Pawła II", "ul. Grunwaldzka",
  ],
  DE: [
    "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße",
    "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Goethestraße", "Schillerstraße",
    "Mozartstraße", "Friedrichstraße", "Am Markt", "Rosenweg",
  ],
  SE: [
    "Storgatan", "Drottninggatan", "Kungsgatan", "Sveavägen", "Vasagatan", "Götgatan",
    "Hornsgatan", "Skolgatan", "Kyrkogatan", "Nygatan", "Parkvägen", "Björkvägen",
  ],
};

export const FIRST_NAMES: Record<string, string[]> = {
  PL: [
    "Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Zofia", "Maja", "Julia", "Aleksandra", "Ewa",
    "Piotr", "Tomasz", "Paweł", "Michał", "Krzysztof", "Jakub", "Marcin", "Kacper", "Łukasz", "Wojciech",
  ],
  DE: [
    "Anna", "Lena", "Mia", "Hannah", "Laura", "Sophie", "Julia", "Katharina", "Leonie", "Sabine",
    "Lukas", "Jonas", "Felix", "Maximilian", "Paul", "Tobias", "Jan", "Stefan", "Florian", "Moritz",
  ],
  SE: [
    "Elsa", "Alice", "Maja", "Astrid", "Ingrid", "Ebba", "Wilma", "Freja", "Saga", "Linnea",
    "Erik", "Lars", "Oskar", "Nils", "Anders", "Johan", "Axel", "Gustav", "Magnus", "Henrik",
  ],
};

/** Polish surnames come in masculine/feminine forms: [for women, for men]. */
export const LAST_NAMES: Record<string, [string, string][]> = {
  PL: [
    ["Nowak", "Nowak"], ["Kowalska", "Kowalski"], ["Wiśniewska", "Wiśniewski"], ["Wójcik", "Wójcik"],
    ["Kowalczyk", "Kowalczyk"], ["Kamińska", "Kamiński"], ["Lewandowska", "Lewandowski"], ["Zielińska", "Zieliński"],
    ["Szymańska", "Szymański"], ["Woźniak", "Woźniak"], ["Dąbrowska", "Dąbrowski"], ["Kozłowska", "Kozłowski"],
    ["Jankowska", "Jankowski"], ["Mazur", "Mazur"], ["Krawczyk", "Krawczyk"], ["Piotrowska", "Piotrowski"],
  ],
  DE: [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
  ].map((n) => [n, n] as [string, string]),
  SE: [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Lindberg", "Lindqvist", "Bergström",
  ].map((n) => [n, n] as [string, string]),
};

export interface CategorySpec {
  slug: string;
  name: string;
  taxCategory: "STANDARD" | "REDUCED";
  nouns: string[];
  sizes: "apparel" | "shoes" | "gloves" | "none" | "capacity";
  /** Price range in PLN (whole zloty) and typical weight in grams. */
  pricePln: [number, number];
  weight: number;
  share: number;
  description: string;
}

export const CATEGORIES: CategorySpec[] = [
  { slug: "t-shirts-tops", name: "T-shirts & Tops", taxCategory: "STANDARD", sizes: "apparel", pricePln: [59, 189], weight: 220, share: 14,
    nouns: ["Merino Tee", "Trail Tee", "Base Layer Top", "Polo Shirt", "Long-Sleeve Tee", "Tank Top", "Flannel Shirt", "Linen Shirt"],
    description: "Soft, breathable and cut for moving: a layer you will reach for on every trip." },
  { slug: "jackets", name: "Jackets", taxCategory: "STANDARD", sizes: "apparel", pricePln: [299, 1299], weight: 650, share: 10,
    nouns: ["Rain Jacket", "Down Jacket", "Softshell Jacket", "Insulated Parka", "Windbreaker", "Hardshell Jacket"],
    description: "Weatherproof shell with taped seams, adjustable hood and zipped hand pockets." },
  { slug: "fleece-midlayers", name: "Fleece & Midlayers", taxCategory: "STANDARD", sizes: "apparel", pricePln: [149, 499], weight: 420, share: 8,
    nouns: ["Fleece Hoodie", "Grid Fleece", "Quarter-Zip", "Knit Sweater", "Hybrid Vest"],
    description: "Warm without the bulk; packs small and dries fast." },
  { slug: "trousers-shorts", name: "Trousers & Shorts", taxCategory: "STANDARD", sizes: "apparel", pricePln: [129, 449], weight: 380, share: 9,
    nouns: ["Hiking Trousers", "Convertible Pants", "Trail Shorts", "Chinos", "Climbing Pants", "Rain Pants"],
    description: "Stretch fabric with a gusseted crotch and secure zip pockets." },
  { slug: "footwear", name: "Footwear", taxCategory: "STANDARD", sizes: "shoes", pricePln: [199, 899], weight: 900, share: 11,
    nouns: ["Hiking Boot", "Trail Runner", "Approach Shoe", "Winter Boot", "Sandal", "Camp Moccasin"],
    description: "Grippy rubber outsole, cushioned midsole and a lacing system that stays put." },
  { slug: "backpacks-bags", name: "Backpacks & Bags", taxCategory: "STANDARD", sizes: "capacity", pricePln: [89, 799], weight: 1100, share: 9,
    nouns: ["Daypack", "Trekking Pack", "Duffel", "Hip Pack", "Roll-Top Pack", "Travel Pack"],
    description: "Padded back panel, hip belt pockets and a lid that opens wide." },
  { slug: "tents-shelters", name: "Tents & Shelters", taxCategory: "STANDARD", sizes: "none", pricePln: [399, 2499], weight: 2400, share: 4,
    nouns: ["Dome Tent", "Tunnel Tent", "Ultralight Tent", "Tarp", "Bivy Shelter"],
    description: "Sets up in minutes, sheds wind and rain, and packs into one stuff sack." },
  { slug: "sleeping", name: "Sleeping Bags & Mats", taxCategory: "STANDARD", sizes: "none", pricePln: [149, 1199], weight: 1300, share: 5,
    nouns: ["Down Sleeping Bag", "Synthetic Sleeping Bag", "Self-Inflating Mat", "Foam Mat", "Camp Pillow"],
    description: "Rated for three seasons with a draft collar and two-way zip." },
  { slug: "accessories", name: "Accessories", taxCategory: "STANDARD", sizes: "gloves", pricePln: [29, 199], weight: 120, share: 12,
    nouns: ["Beanie", "Merino Socks", "Fleece Gloves", "Buff Scarf", "Sun Cap", "Liner Gloves"],
    description: "Small thing, big difference on a cold morning." },
  { slug: "camp-kitchen", name: "Camp Kitchen", taxCategory: "STANDARD", sizes: "none", pricePln: [39, 499], weight: 450, share: 7,
    nouns: ["Gas Stove", "Titanium Mug", "Cook Set", "Spork", "Insulated Bottle", "Water Filter"],
    description: "Light, tough and easy to clean at the end of a long day." },
  { slug: "home-living", name: "Home & Living", taxCategory: "STANDARD", sizes: "none", pricePln: [49, 399], weight: 800, share: 6,
    nouns: ["Wool Blanket", "Enamel Mug Set", "Scented Candle", "Lantern", "Cushion Cover", "Camp Chair"],
    description: "Brings the cabin feeling home." },
  { slug: "books-maps", name: "Books & Maps", taxCategory: "REDUCED", sizes: "none", pricePln: [29, 119], weight: 350, share: 3,
    nouns: ["Trail Guide", "Hiking Map", "Field Guide", "Photo Book"],
    description: "Routes, maps and stories for planning the next trip." },
  { slug: "trail-food", name: "Trail Food", taxCategory: "REDUCED", sizes: "none", pricePln: [9, 59], weight: 150, share: 2,
    nouns: ["Energy Bar Box", "Freeze-Dried Meal", "Trail Mix", "Instant Coffee"],
    description: "Quick energy that survives the bottom of a pack." },
];

export const ADJECTIVES = [
  "Alpine", "Fjord", "Tatra", "Baltic", "Harbor", "Summit", "Ridge", "Glacier", "Pine", "Coastal", "Nordic",
  "Granite", "Aurora", "Highland", "Meadow", "Storm", "Cedar", "Lakeside", "Birch", "Canyon", "Tundra",
  "Karkonosze", "Bieszczady", "Harz", "Lapland", "Moor", "Dune", "Boulder", "Timber", "Cloud",
];

export const BRANDS = ["Northwind", "Northwind", "Northwind Basics", "Fjällmark", "Tatra Peak", "Baltic Line", "Ridgeway"];

export const COLOURS: [code: string, name: string][] = [
  ["BLK", "Black"], ["NVY", "Navy"], ["OLV", "Olive"], ["RED", "Red"], ["GRY", "Grey"], ["SND", "Sand"],
  ["BLU", "Blue"], ["GRN", "Forest Green"], ["ORG", "Orange"], ["WHT", "White"], ["CHR", "Charcoal"],
  ["TEA", "Teal"], ["MUS", "Mustard"], ["BRG", "Burgundy"],
];

export const SIZE_SETS: Record<CategorySpec["sizes"], string[]> = {
  apparel: ["XS", "S", "M", "L", "XL", "XXL"],
  shoes: ["38", "39", "40", "41", "42", "43", "44", "45", "46"],
  gloves: ["S", "M", "L"],
  capacity: ["20L", "30L", "45L"],
  none: ["OS"],
};
