/**
 * Demo data for a local platform: two calling teams (a manager and reps each, with PhoneBurner user ids),
 * an admin, and a few hundred buyers (PE firms, family offices, strategics, independent sponsors) and
 * sellers (business owners) with realistic firmographics.
 *
 *   loadDemoData(url)     idempotent: a second load adds nothing (fixed ids, `on conflict do nothing`)
 *   removeDemoData(url)   deletes exactly what loadDemoData creates
 *
 * Generated from a seeded PRNG, so every load produces the same rows. Phone numbers use the 555-0100…0199
 * range that is reserved for fiction in every US area code: valid in format (libphonenumber accepts
 * them), never a real subscriber, so pushing the demo list to a real dialer calls nobody. Each number's
 * area code matches the contact's city, state and IANA time zone. Emails use the reserved `.example`
 * top-level domain. A few contacts are do-not-call (with their legal suppression row), a few have known
 * bad numbers and a few share a firm's main line, so a push preview shows every kind of exclusion.
 */
import { createHash } from "node:crypto";
import { connect } from "./db.ts";
import { prng } from "./prng.ts";

// ---------------------------------------------------------------------------------------------------
// deterministic randomness and ids
// ---------------------------------------------------------------------------------------------------


/** A stable uuid (RFC 4122 name-based, SHA-1) for a demo object. */
export function demoId(kind: string, key: string | number): string {
  const h = createHash("sha1").update(`dialbridge-demo:${kind}:${key}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every demo contact's sourceco_contact_id starts with this (how removeDemoData finds them). */
export const DEMO_KEY_PREFIX = "sc_demo_";
const SEED = 20261121;

// ---------------------------------------------------------------------------------------------------
// reference data
// ---------------------------------------------------------------------------------------------------

interface Place { areaCode: string; city: string; state: string; zip: number; timezone: string; region: string }

/** Area codes with a city in them, the state and the state's (or that part of the state's) time zone. */
const PLACES: Place[] = [
  { areaCode: "212", city: "New York", state: "NY", zip: 10017, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "646", city: "New York", state: "NY", zip: 10022, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "617", city: "Boston", state: "MA", zip: 2110, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "203", city: "Greenwich", state: "CT", zip: 6830, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "215", city: "Philadelphia", state: "PA", zip: 19103, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "412", city: "Pittsburgh", state: "PA", zip: 15222, timezone: "America/New_York", region: "Northeast" },
  { areaCode: "202", city: "Washington", state: "DC", zip: 20005, timezone: "America/New_York", region: "Mid-Atlantic" },
  { areaCode: "410", city: "Baltimore", state: "MD", zip: 21202, timezone: "America/New_York", region: "Mid-Atlantic" },
  { areaCode: "804", city: "Richmond", state: "VA", zip: 23219, timezone: "America/New_York", region: "Mid-Atlantic" },
  { areaCode: "704", city: "Charlotte", state: "NC", zip: 28202, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "919", city: "Raleigh", state: "NC", zip: 27601, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "843", city: "Charleston", state: "SC", zip: 29401, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "404", city: "Atlanta", state: "GA", zip: 30303, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "305", city: "Miami", state: "FL", zip: 33131, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "813", city: "Tampa", state: "FL", zip: 33602, timezone: "America/New_York", region: "Southeast" },
  { areaCode: "216", city: "Cleveland", state: "OH", zip: 44114, timezone: "America/New_York", region: "Midwest" },
  { areaCode: "313", city: "Detroit", state: "MI", zip: 48226, timezone: "America/Detroit", region: "Midwest" },
  { areaCode: "317", city: "Indianapolis", state: "IN", zip: 46204, timezone: "America/Indiana/Indianapolis", region: "Midwest" },
  { areaCode: "502", city: "Louisville", state: "KY", zip: 40202, timezone: "America/Kentucky/Louisville", region: "Southeast" },
  { areaCode: "312", city: "Chicago", state: "IL", zip: 60606, timezone: "America/Chicago", region: "Midwest" },
  { areaCode: "612", city: "Minneapolis", state: "MN", zip: 55402, timezone: "America/Chicago", region: "Midwest" },
  { areaCode: "314", city: "St. Louis", state: "MO", zip: 63101, timezone: "America/Chicago", region: "Midwest" },
  { areaCode: "816", city: "Kansas City", state: "MO", zip: 64105, timezone: "America/Chicago", region: "Midwest" },
  { areaCode: "615", city: "Nashville", state: "TN", zip: 37203, timezone: "America/Chicago", region: "Southeast" },
  { areaCode: "901", city: "Memphis", state: "TN", zip: 38103, timezone: "America/Chicago", region: "Southeast" },
  { areaCode: "214", city: "Dallas", state: "TX", zip: 75201, timezone: "America/Chicago", region: "Texas" },
  { areaCode: "713", city: "Houston", state: "TX", zip: 77002, timezone: "America/Chicago", region: "Texas" },
  { areaCode: "512", city: "Austin", state: "TX", zip: 78701, timezone: "America/Chicago", region: "Texas" },
  { areaCode: "405", city: "Oklahoma City", state: "OK", zip: 73102, timezone: "America/Chicago", region: "Southwest" },
  { areaCode: "303", city: "Denver", state: "CO", zip: 80202, timezone: "America/Denver", region: "Mountain West" },
  { areaCode: "801", city: "Salt Lake City", state: "UT", zip: 84101, timezone: "America/Denver", region: "Mountain West" },
  { areaCode: "602", city: "Phoenix", state: "AZ", zip: 85004, timezone: "America/Phoenix", region: "Southwest" },
  { areaCode: "415", city: "San Francisco", state: "CA", zip: 94105, timezone: "America/Los_Angeles", region: "West Coast" },
  { areaCode: "310", city: "Los Angeles", state: "CA", zip: 90067, timezone: "America/Los_Angeles", region: "West Coast" },
  { areaCode: "619", city: "San Diego", state: "CA", zip: 92101, timezone: "America/Los_Angeles", region: "West Coast" },
  { areaCode: "206", city: "Seattle", state: "WA", zip: 98101, timezone: "America/Los_Angeles", region: "West Coast" },
  { areaCode: "503", city: "Portland", state: "OR", zip: 97204, timezone: "America/Los_Angeles", region: "West Coast" },
];

/** Eastern-time places are worked by the East team, the rest by Central & West. */
const isEast = (p: Place) => ["America/New_York", "America/Detroit", "America/Indiana/Indianapolis", "America/Kentucky/Louisville"].includes(p.timezone);

const FIRST_NAMES = [
  "James", "Michael", "Robert", "David", "William", "Richard", "Joseph", "Thomas", "Christopher", "Daniel",
  "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Brian", "Kevin", "Jason", "Ryan", "Eric", "Jonathan",
  "Benjamin", "Samuel", "Gregory", "Patrick", "Alexander", "Nicholas", "Scott", "Timothy", "Peter", "Raj",
  "Wei", "Carlos", "Luis", "Omar", "Mary", "Jennifer", "Elizabeth", "Sarah", "Jessica", "Karen", "Emily",
  "Michelle", "Amanda", "Rebecca", "Laura", "Rachel", "Katherine", "Stephanie", "Nicole", "Lauren", "Megan",
  "Allison", "Caroline", "Victoria", "Priya", "Mei", "Sofia", "Isabel", "Natalie", "Grace", "Olivia",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
  "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
  "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
  "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Kelly",
  "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price",
  "Sanders", "Patel", "Shah", "Chen", "Wang", "Kim", "Nguyen", "Garcia", "Martinez", "Rodriguez", "Lopez",
  "Hernandez", "Gonzalez", "Rivera", "O'Brien", "Sullivan", "McCarthy", "Fitzgerald", "Donovan", "Kaplan",
  "Goldberg", "Weiss", "Larsen", "Lindqvist", "Novak", "Kowalczyk", "Rossi", "Romano", "Haddad",
];
const FIRM_WORDS = [
  "Harbor", "Ridgeline", "Granite", "Beacon", "Keystone", "Cedar", "Northlight", "Ironwood",
  "Bluewater", "Stonebridge", "Pinecrest", "Copperline", "Lakeshore", "Fernhill", "Marlow",
  "Oakmont", "Foxhall", "Westbrook", "Tidewater", "Crescent", "Slate Creek", "Silverleaf",
  "Windward", "Broad Street", "Bridgeport", "Cannon", "Arbor", "Falcon", "Longview", "Kingsbury", "Redwood",
  "Halyard", "Quarry Hill", "Brightwater", "Juniper", "Canal Street", "Trinity", "Wolf Creek", "Anchorage",
];
const PE_SUFFIXES = ["Capital Partners", "Equity Partners", "Capital", "Partners", "Private Equity", "Growth Partners", "Capital Group"];
const STRATEGIC_NAMES = [
  "Apex Fleet Services", "Continental Building Products", "Summit Dental Partners", "Vantage Logistics Group",
  "Precision Fluid Systems", "Crestview Healthcare Services", "National Collision Group", "Allied Facility Services",
  "Heartland Food Brands", "TriState HVAC Holdings", "Pinnacle IT Solutions", "Coastal Environmental Services",
  "Guardian Safety Products", "Northstar Packaging", "American Veterinary Partners", "Premier Roofing Holdings",
  "Unified Water Technologies", "Frontier Specialty Chemicals", "Legacy Insurance Brokers", "Signature Landscape Group",
];
const SECTORS = [
  "Business Services", "Healthcare Services", "Healthcare IT", "Software", "Industrials", "Consumer Products",
  "Distribution", "Automotive Aftermarket", "Building Products", "Specialty Chemicals", "Food & Beverage",
  "Financial Services", "Education", "Environmental Services", "Transportation & Logistics", "Home Services",
];
const GEOGRAPHIES = ["Northeast", "Mid-Atlantic", "Southeast", "Midwest", "Texas", "Southwest", "Mountain West", "West Coast", "National"];

/** Seller industries, the sector each belongs to, and a company-name pattern. */
const SELLER_INDUSTRIES: { industry: string; sector: string; names: string[] }[] = [
  { industry: "Collision Repair", sector: "Automotive Aftermarket", names: ["{w} Collision Center", "{l} Auto Body", "{w} Collision & Paint"] },
  { industry: "HVAC Services", sector: "Home Services", names: ["{l} Heating & Air", "{w} Mechanical", "{w} Comfort Systems"] },
  { industry: "Plumbing Services", sector: "Home Services", names: ["{l} Plumbing", "{w} Plumbing & Drain"] },
  { industry: "Commercial Landscaping", sector: "Business Services", names: ["{w} Landscape Management", "{l} Grounds Care"] },
  { industry: "IT Managed Services", sector: "Software", names: ["{w} Technology Partners", "{w} Managed IT", "{l} Networks"] },
  { industry: "Dental Practice", sector: "Healthcare Services", names: ["{w} Family Dentistry", "{l} Dental Group"] },
  { industry: "Physical Therapy", sector: "Healthcare Services", names: ["{w} Physical Therapy", "{l} Rehab & Sports Medicine"] },
  { industry: "Specialty Distribution", sector: "Distribution", names: ["{w} Supply Co.", "{l} Industrial Supply"] },
  { industry: "Precision Machining", sector: "Industrials", names: ["{w} Precision", "{l} Machine Works", "{w} Manufacturing"] },
  { industry: "Commercial Roofing", sector: "Building Products", names: ["{l} Roofing", "{w} Roofing Systems"] },
  { industry: "Third-Party Logistics", sector: "Transportation & Logistics", names: ["{w} Logistics", "{l} Freight Services"] },
  { industry: "Environmental Testing", sector: "Environmental Services", names: ["{w} Environmental Labs", "{l} Environmental"] },
  { industry: "Insurance Brokerage", sector: "Financial Services", names: ["{l} Insurance Agency", "{w} Risk Advisors"] },
  { industry: "Specialty Food Manufacturing", sector: "Food & Beverage", names: ["{w} Provisions", "{l} Family Foods"] },
  { industry: "Vertical SaaS", sector: "Software", names: ["{w} Software", "{w}Soft", "{w} Cloud"] },
  { industry: "Fire & Life Safety", sector: "Business Services", names: ["{w} Fire Protection", "{l} Fire & Safety"] },
];

const BUYER_TYPES = [
  // buyer_type, firm_type, weight, AUM range ($M), EBITDA range ($M), titles
  { buyerType: "PE Firm - Lower Middle Market", firmType: "Private Equity", weight: 35, aum: [150, 1500], ebitda: [[1, 3], [5, 15]], titles: ["Managing Partner", "Partner", "Principal", "Vice President", "Director of Business Development"] },
  { buyerType: "PE Firm - Middle Market", firmType: "Private Equity", weight: 15, aum: [1200, 8000], ebitda: [[8, 15], [30, 75]], titles: ["Managing Director", "Partner", "Principal", "Head of Business Development"] },
  { buyerType: "PE Firm - Growth Equity", firmType: "Private Equity", weight: 10, aum: [500, 5000], ebitda: [[3, 8], [15, 40]], titles: ["General Partner", "Principal", "Vice President"] },
  { buyerType: "Family Office", firmType: "Family Office", weight: 15, aum: [200, 3000], ebitda: [[2, 5], [10, 25]], titles: ["Chief Investment Officer", "Managing Director", "Director of Private Investments"] },
  { buyerType: "Strategic", firmType: "Corporate", weight: 15, aum: null, ebitda: [[3, 8], [20, 50]], titles: ["VP Corporate Development", "Director of M&A", "Chief Executive Officer", "Chief Financial Officer"] },
  { buyerType: "Independent Sponsor", firmType: "Independent Sponsor", weight: 10, aum: null, ebitda: [[1, 2], [4, 10]], titles: ["Founder & Managing Partner", "Managing Partner"] },
] as const;

const SELLER_TITLES = ["Owner", "Founder & CEO", "President", "CEO", "Owner & President"];
const STREETS = ["Main Street", "Market Street", "Park Avenue", "Commerce Drive", "Industrial Parkway", "Lexington Avenue",
  "Peachtree Street", "Congress Avenue", "Wacker Drive", "Boylston Street", "Tryon Street", "Broadway", "Elm Street",
  "Corporate Center Drive", "Technology Way", "Riverside Drive", "Washington Street", "Lake Street"];
const LIST_SOURCES = ["PitchBook export - Oct 2026", "ACG conference 2026", "Referral", "Website inquiry", "LinkedIn outreach - Q4 2026", "Prior deal buyer list"];

// ---------------------------------------------------------------------------------------------------
// the data set
// ---------------------------------------------------------------------------------------------------

interface DemoUser { key: string; email: string; name: string; role: "rep" | "manager" | "admin"; team: string | null; phoneburnerUserId: string }
interface DemoTeam { key: string; name: string }
type ContactRow = Record<string, unknown> & { id: string; phone: string; team_key: string; owner_key: string };

export const DEMO_TEAMS: DemoTeam[] = [
  { key: "east", name: "Coverage East" },
  { key: "west", name: "Coverage Central & West" },
];

export const DEMO_USERS: DemoUser[] = [
  { key: "admin", email: "dana.whitfield@sourceco.example", name: "Dana Whitfield", role: "admin", team: null, phoneburnerUserId: "5510001" },
  { key: "east-manager", email: "marcus.bell@sourceco.example", name: "Marcus Bell", role: "manager", team: "east", phoneburnerUserId: "5510101" },
  { key: "east-rep-1", email: "priya.raman@sourceco.example", name: "Priya Raman", role: "rep", team: "east", phoneburnerUserId: "5510102" },
  { key: "east-rep-2", email: "tom.kowalski@sourceco.example", name: "Tom Kowalski", role: "rep", team: "east", phoneburnerUserId: "5510103" },
  { key: "east-rep-3", email: "jasmine.ortiz@sourceco.example", name: "Jasmine Ortiz", role: "rep", team: "east", phoneburnerUserId: "5510104" },
  { key: "east-rep-4", email: "ethan.brooks@sourceco.example", name: "Ethan Brooks", role: "rep", team: "east", phoneburnerUserId: "5510105" },
  { key: "west-manager", email: "laura.chen@sourceco.example", name: "Laura Chen", role: "manager", team: "west", phoneburnerUserId: "5510201" },
  { key: "west-rep-1", email: "diego.martinez@sourceco.example", name: "Diego Martinez", role: "rep", team: "west", phoneburnerUserId: "5510202" },
  { key: "west-rep-2", email: "hannah.park@sourceco.example", name: "Hannah Park", role: "rep", team: "west", phoneburnerUserId: "5510203" },
  { key: "west-rep-3", email: "caleb.foster@sourceco.example", name: "Caleb Foster", role: "rep", team: "west", phoneburnerUserId: "5510204" },
];

const BUYER_COUNT = 200;
const SELLER_COUNT = 120;

const slug = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");
const money = (millions: number) => Math.round(millions * 1_000_000);
const roundTo = (x: number, step: number) => Math.round(x / step) * step;
const fmtMillions = (usd: number) =>
  usd >= 1e9 ? `$${(usd / 1e9).toFixed(1).replace(/\.0$/, "")}B`
  : usd < 1e7 ? `$${(usd / 1e6).toFixed(1).replace(/\.0$/, "")}M`
  : `$${Math.round(usd / 1e6)}M`;

/** Builds the whole data set in memory; the same every time. */
export function buildDemoData() {
  const r = prng(SEED);
  const numbersUsed = new Map<string, number>(); // area code → next free line in 0100…0199
  const freeNumber = (p: Place): string => {
    const used = numbersUsed.get(p.areaCode) ?? 0;
    if (used >= 100) throw new Error(`demo data: out of fiction numbers in area code ${p.areaCode}`);
    numbersUsed.set(p.areaCode, used + 1);
    return `${p.areaCode}5550${100 + used}`; // ten digits
  };
  const formatPhone = (digits10: string): string => {
    const [a, b, c] = [digits10.slice(0, 3), digits10.slice(3, 6), digits10.slice(6)];
    return r.pick([`(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `+1 ${a}-${b}-${c}`, `${a}.${b}.${c}`, `+1${a}${b}${c}`]);
  };
  const address = (p: Place) => ({
    address_line1: `${r.int(100, 9900)} ${r.pick(STREETS)}${r.next() < 0.4 ? `, Suite ${r.int(1, 30) * 100}` : ""}`,
    city: p.city,
    state: p.state,
    zip: String(p.zip + r.int(0, 9)).padStart(5, "0"),
    country: "US",
    timezone: p.timezone,
  });
  const repsOf = (team: string) => DEMO_USERS.filter((u) => u.team === team && u.role === "rep").map((u) => u.key);
  const person = () => ({ first: r.pick(FIRST_NAMES), last: r.pick(LAST_NAMES) });
  const emailFor = (first: string, last: string, domain: string) =>
    r.next() < 0.7 ? `${slug(first)}.${slug(last)}@${domain}` : `${slug(first)[0]}${slug(last)}@${domain}`;

  // Sellers first: buyers' talking points cite these deals.
  const sellers: ContactRow[] = [];
  const usedCompanies = new Set<string>();
  for (let i = 1; i <= SELLER_COUNT; i++) {
    const place = r.pick(PLACES);
    const ind = r.pick(SELLER_INDUSTRIES);
    const { first, last } = person();
    let company = "";
    do {
      company = r.pick(ind.names).replace("{w}", r.pick(FIRM_WORDS)).replace("{l}", r.pick(LAST_NAMES));
    } while (usedCompanies.has(company));
    usedCompanies.add(company);
    // EBITDA log-uniform between $0.8M and $15M, to $0.1M
    const ebitda = money(roundTo(Math.exp(Math.log(0.8) + r.next() * (Math.log(15) - Math.log(0.8))), 0.1));
    const team = isEast(place) ? "east" : "west";
    const digits = freeNumber(place);
    sellers.push({
      id: demoId("contact", `seller-${i}`),
      sourceco_contact_id: `${DEMO_KEY_PREFIX}seller_${String(i).padStart(4, "0")}`,
      team_key: team,
      owner_key: r.pick(repsOf(team)),
      first_name: first,
      last_name: last,
      email: emailFor(first, last, `${slug(company)}.example`),
      phone: formatPhone(digits),
      company,
      title: r.pick(SELLER_TITLES),
      ...address(place),
      contact_type: "seller",
      buyer_type: null, firm_type: null,
      industry: ind.industry,
      aum_usd: null, fund_size_usd: null, target_sectors: null, target_geographies: null,
      target_ebitda_min_usd: null, target_ebitda_max_usd: null,
      ebitda_usd: ebitda,
      list_source: r.pick(["Owner outreach - Q4 2026", "Referral", "Website inquiry", "Industry association list"]),
      call_talking_points: `${ind.industry}, about ${fmtMillions(ebitda)} EBITDA. Ask about succession plans, timing and what a partner would need to bring.`,
      relationship_notes: r.next() < 0.25 ? "Met at a regional trade show; open to a conversation next quarter." : null,
      _sector: ind.sector,
      _digits: digits,
    });
  }

  // Buyer firms, one to three contacts each.
  const buyers: ContactRow[] = [];
  const firms = new Set<string>();
  while (buyers.length < BUYER_COUNT) {
    const bt = r.weighted(BUYER_TYPES.map((b) => [b, b.weight] as const));
    const place = r.pick(PLACES);
    let firm = "";
    for (let attempt = 0; firm === "" || firms.has(firm); attempt++) {
      firm = bt.buyerType === "Strategic"
        ? (attempt < 10 ? r.pick(STRATEGIC_NAMES) : `${r.pick(FIRM_WORDS)} ${r.pick(["Industries", "Services Group", "Holdings", "Brands"])}`)
        : bt.buyerType === "Family Office" ? `${r.pick([r.pick(LAST_NAMES), r.pick(FIRM_WORDS)])} ${r.pick(["Family Office", "Family Holdings", "Family Capital"])}`
        : `${r.pick(FIRM_WORDS)} ${bt.buyerType === "Independent Sponsor" ? r.pick(["Capital", "Holdings", "Partners"]) : r.pick(PE_SUFFIXES)}`;
    }
    firms.add(firm);
    const domain = `${slug(firm)}.example`;
    const aum = bt.aum ? money(roundTo(r.int(bt.aum[0], bt.aum[1]), bt.aum[1] > 2000 ? 100 : 25)) : null;
    const fundNo = r.int(2, 6);
    const fundSize = aum && bt.firmType === "Private Equity" ? money(roundTo((aum / 1e6) * (0.3 + r.next() * 0.3), 25)) : null;
    const ebitdaMin = money(r.int(bt.ebitda[0][0], bt.ebitda[0][1]));
    const ebitdaMax = money(Math.max(r.int(bt.ebitda[1][0], bt.ebitda[1][1]), ebitdaMin / 1e6 + 2));
    const sectors = r.some(SECTORS, 2, 4);
    const geographies = r.next() < 0.2 ? ["National"] : r.some(GEOGRAPHIES.filter((g) => g !== "National"), 1, 3);
    const team = isEast(place) ? "east" : "west";
    const mainLine = r.next() < 0.5 ? freeNumber(place) : null; // some firms list one main line
    const people = Math.min(r.weighted([[1, 50], [2, 35], [3, 15]] as const), BUYER_COUNT - buyers.length);
    // a matching deal for the talking points
    const deal = sellers.find((s) => sectors.includes(s._sector as string)
      && (s.ebitda_usd as number) >= ebitdaMin && (s.ebitda_usd as number) <= ebitdaMax);
    for (let k = 0; k < people; k++) {
      const i = buyers.length + 1;
      const { first, last } = person();
      const digits = k > 0 && mainLine && r.next() < 0.5 ? mainLine : freeNumber(place);
      buyers.push({
        id: demoId("contact", `buyer-${i}`),
        sourceco_contact_id: `${DEMO_KEY_PREFIX}buyer_${String(i).padStart(4, "0")}`,
        team_key: team,
        owner_key: r.pick(repsOf(team)),
        first_name: first,
        last_name: last,
        email: emailFor(first, last, domain),
        phone: formatPhone(digits),
        company: firm,
        title: r.pick(bt.titles),
        ...address(place),
        contact_type: "buyer",
        buyer_type: bt.buyerType,
        firm_type: bt.firmType,
        industry: sectors[0],
        aum_usd: aum,
        fund_size_usd: fundSize,
        target_sectors: sectors,
        target_geographies: geographies,
        target_ebitda_min_usd: ebitdaMin,
        target_ebitda_max_usd: ebitdaMax,
        ebitda_usd: null,
        list_source: r.pick(LIST_SOURCES),
        call_talking_points: deal
          ? `New ${(deal.industry as string).toLowerCase()} opportunity, ${fmtMillions(deal.ebitda_usd as number)} EBITDA, ${deal.state}-based: fits the ${deal._sector} focus.`
          : `Confirm current mandate: ${sectors.join(", ")}; ${fmtMillions(ebitdaMin)}–${fmtMillions(ebitdaMax)} EBITDA.`,
        relationship_notes: fundSize ? `Investing out of ${fmtMillions(fundSize)} Fund ${["II", "III", "IV", "V", "VI"][fundNo - 2]}.` : null,
        _sector: sectors[0],
        _digits: digits,
      });
    }
  }

  const contacts = [...buyers, ...sellers];

  // Exclusions a push preview must show: do-not-call (with its legal suppression) and known bad numbers,
  // spread over both teams and both contact types. Duplicates come from shared firm main lines above.
  const dncReasons = ["user_requested", "user_requested", "legal_requirement", "user_requested", "user_requested", "legal_requirement"];
  const invalidReasons = ["disconnected", "disconnected", "wrong_person", "disconnected", "business_closed", "wrong_person"];
  const taken = new Set<string>();
  const pickSpread = (n: number, start: number) => {
    const out: ContactRow[] = [];
    for (let k = 0; out.length < n; k++) {
      const c = contacts[(start + k * 53) % contacts.length]; // a stride that crosses buyers and sellers
      if (!taken.has(c.id)) {
        out.push(c);
        taken.add(c.id);
      }
    }
    return out;
  };
  const suppressions: Record<string, unknown>[] = [];
  pickSpread(6, 11).forEach((c, k) => {
    const at = `2026-10-${String(5 + k * 3).padStart(2, "0")}T15:30:00Z`;
    Object.assign(c, { do_not_call: true, do_not_call_reason: dncReasons[k], do_not_call_set_at: at, contact_status: "Suppressed" });
    suppressions.push({
      id: demoId("suppression", c.id),
      contact_id: c.id,
      phone_e164: `+1${c._digits}`,
      team_key: c.team_key,
      suppression_type: "legal",
      reason: dncReasons[k],
      source: "import",
      created_at: at,
    });
  });
  pickSpread(6, 29).forEach((c, k) => {
    Object.assign(c, { phone_number_invalid: true, phone_number_invalid_reason: invalidReasons[k], contact_status: "Invalid" });
  });

  return { teams: DEMO_TEAMS, users: DEMO_USERS, contacts, suppressions };
}

// ---------------------------------------------------------------------------------------------------
// loading
// ---------------------------------------------------------------------------------------------------

export interface DemoDataResult {
  teams: number;
  users: number;
  contacts: number;
  suppressions: number;
  /** Rows this call inserted (all zero when the data was already there). */
  inserted: { teams: number; users: number; contacts: number; suppressions: number };
}

const CONTACT_COLUMNS = [
  "id", "sourceco_contact_id", "team_id", "owner_id", "first_name", "last_name", "email", "phone", "company", "title",
  "address_line1", "city", "state", "zip", "country", "timezone", "contact_type", "buyer_type", "firm_type", "industry",
  "aum_usd", "fund_size_usd", "target_sectors", "target_geographies", "target_ebitda_min_usd", "target_ebitda_max_usd",
  "ebitda_usd", "list_source", "call_talking_points", "relationship_notes", "contact_status",
  "do_not_call", "do_not_call_reason", "do_not_call_set_at", "phone_number_invalid", "phone_number_invalid_reason",
] as const;

/** Loads the demo data set into a prepared database. Idempotent. */
export async function loadDemoData(url: string): Promise<DemoDataResult> {
  const data = buildDemoData();
  const sql = connect(url, { max: 1 });
  try {
    return await sql.begin(async (tx) => {
      const inserted = { teams: 0, users: 0, contacts: 0, suppressions: 0 };
      // teams: by name (unique); an existing team of that name is reused
      const teamIds = new Map<string, string>();
      for (const t of data.teams) {
        const rows = await tx`
          with ins as (
            insert into public.teams (id, name) values (${demoId("team", t.key)}, ${t.name})
            on conflict do nothing returning id)
          select id, true as inserted from ins
          union all select id, false from public.teams where id = ${demoId("team", t.key)}
          union all select id, false from public.teams where name = ${t.name}
          limit 1`;
        teamIds.set(t.key, rows[0].id);
        if (rows[0].inserted) inserted.teams++;
      }
      // users: auth.users rows (the profile follows by trigger), then team, role and PhoneBurner id
      const userIds = new Map<string, string>();
      for (const u of data.users) {
        const rows = await tx`
          with ins as (
            insert into auth.users (id, email, raw_user_meta_data)
            values (${demoId("user", u.key)}, ${u.email}, ${tx.json({ full_name: u.name })})
            on conflict do nothing returning id)
          select id, true as inserted from ins
          union all select id, false from auth.users where id = ${demoId("user", u.key)}
          union all select id, false from auth.users where email = ${u.email}
          limit 1`;
        userIds.set(u.key, rows[0].id);
        if (rows[0].inserted) inserted.users++;
        await tx`
          insert into public.profiles (id, email, display_name) values (${rows[0].id}, ${u.email}, ${u.name})
          on conflict (id) do nothing`;
        await tx`
          update public.profiles
             set team_id = ${u.team ? teamIds.get(u.team)! : null}, role = ${u.role},
                 display_name = ${u.name}, phoneburner_user_id = ${u.phoneburnerUserId}
           where id = ${rows[0].id}
             and (team_id, role, display_name, phoneburner_user_id)
                 is distinct from (${u.team ? teamIds.get(u.team)! : null}::uuid, ${u.role}, ${u.name}, ${u.phoneburnerUserId})`;
      }
      // contacts
      const rows = data.contacts.map((c) => {
        const row: Record<string, unknown> = {};
        for (const col of CONTACT_COLUMNS) row[col] = c[col] ?? null;
        row.team_id = teamIds.get(c.team_key);
        row.owner_id = userIds.get(c.owner_key);
        row.do_not_call = c.do_not_call ?? false;
        row.phone_number_invalid = c.phone_number_invalid ?? false;
        return row;
      });
      for (let i = 0; i < rows.length; i += 100) {
        const res = await tx`
          insert into public.contacts ${tx(rows.slice(i, i + 100) as never, CONTACT_COLUMNS as never)}
          on conflict do nothing`;
        inserted.contacts += res.count;
      }
      // legal suppressions of the do-not-call contacts
      for (const s of data.suppressions) {
        const res = await tx`
          insert into public.suppressions (id, contact_id, phone_e164, team_id, suppression_type, reason, source, created_at)
          select ${s.id as string}, c.id, ${s.phone_e164 as string}, c.team_id, ${s.suppression_type as string},
                 ${s.reason as string}, ${s.source as string}, ${s.created_at as string}
            from public.contacts c where c.id = ${s.contact_id as string}
          on conflict do nothing`;
        inserted.suppressions += res.count;
      }
      return {
        teams: data.teams.length,
        users: data.users.length,
        contacts: data.contacts.length,
        suppressions: data.suppressions.length,
        inserted,
      };
    });
  } finally {
    await sql.end();
  }
}

/** Removes everything loadDemoData creates (contacts by their demo key, users by email, the demo teams). */
export async function removeDemoData(url: string): Promise<void> {
  const sql = connect(url, { max: 1 });
  try {
    await sql.begin(async (tx) => {
      await tx`delete from public.contacts where sourceco_contact_id like ${DEMO_KEY_PREFIX + "%"}`;
      await tx`delete from auth.users where email in ${tx(DEMO_USERS.map((u) => u.email))}`;
      await tx`
        delete from public.teams t
         where t.id in ${tx(DEMO_TEAMS.map((t) => demoId("team", t.key)))}
           and not exists (select 1 from public.profiles p where p.team_id = t.id)
           and not exists (select 1 from public.contacts c where c.team_id = t.id)`;
    });
  } finally {
    await sql.end();
  }
}
