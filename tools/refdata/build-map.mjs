// Builds data/reference/world-map.json, an SVG world map (one path per
// country), from the exact package versions pinned in package.json /
// package-lock.json.
//
//   cd tools/refdata && npm ci && npm run build-map
//
// Source: world-atlas countries-110m.json (Natural Earth 1:110m Admin 0
// country boundaries as TopoJSON). Each country is projected with d3-geo's
// geoNaturalEarth1() fitted to a 960×500 viewBox with a 4-unit margin and
// written as an SVG path `d`, coordinates rounded to one decimal.
//
// The output is deterministic: no timestamps, countries sorted by numeric code
// (those without one last, by name), keys in a fixed order, two-space
// indentation and a trailing newline. Running it twice gives byte-identical
// files.
//
// The script fails (exit code 1) rather than writing the file if the source
// does not look as expected (177 features, unique ids, no unexpected features
// without an id) or if a numeric id is not a `numeric` code in
// data/reference/countries.json (run `npm run build` first if that file is
// missing).

import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {geoGraticule, geoNaturalEarth1, geoPath} from 'd3-geo'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', '..', 'data', 'reference')

const WIDTH = 960
const HEIGHT = 500
const MARGIN = 4
/** Decimal places kept in path coordinates. */
const DIGITS = 1
/** Graticule spacing in degrees. */
const GRATICULE_STEP = 30

const EXPECTED_FEATURES = 177
/** Features that world-atlas (Natural Earth) gives no ISO 3166-1 numeric id. */
const WITHOUT_ID = ['Kosovo', 'N. Cyprus', 'Somaliland']
/** Natural Earth edition that world-atlas 2.0.2 redistributes (from its README). */
const NATURAL_EARTH_VERSION = '4.1.0'

function fail(message) {
  console.error(`refdata: ${message}`)
  process.exit(1)
}

function packageInfo(name, usedFor) {
  const pkg = JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8'))
  return {name: pkg.name, version: pkg.version, license: pkg.license, used_for: usedFor}
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

// --- Source ---------------------------------------------------------------

const {feature} = require('topojson-client')
const topology = require('world-atlas/countries-110m.json')

const readme = readFileSync(join(here, 'node_modules', 'world-atlas', 'README.md'), 'utf8')
if (!readme.includes(`version ${NATURAL_EARTH_VERSION}`)) {
  fail(`world-atlas README does not name Natural Earth version ${NATURAL_EARTH_VERSION}`)
}

const features = feature(topology, topology.objects.countries).features
if (features.length !== EXPECTED_FEATURES) {
  fail(`expected ${EXPECTED_FEATURES} countries in world-atlas, got ${features.length}`)
}

const seen = new Set()
const withoutId = []
for (const f of features) {
  const name = f.properties?.name
  if (typeof name !== 'string' || name === '') fail(`feature without a name: ${JSON.stringify(f.id)}`)
  if (f.id === undefined || f.id === null) {
    withoutId.push(name)
    continue
  }
  if (!/^\d{3}$/.test(f.id)) fail(`malformed id ${JSON.stringify(f.id)} for ${name}`)
  if (seen.has(f.id)) fail(`duplicate id ${f.id} (${name})`)
  seen.add(f.id)
}
if (withoutId.sort(compare).join() !== WITHOUT_ID.join()) {
  fail(`features without an id: ${withoutId.join(', ')}; expected ${WITHOUT_ID.join(', ')}`)
}

// --- Cross-check with countries.json --------------------------------------

const countriesFile = join(outDir, 'countries.json')
let isoCountries
try {
  isoCountries = JSON.parse(readFileSync(countriesFile, 'utf8')).countries
} catch (error) {
  fail(`cannot read ${countriesFile} (run npm run build first): ${error.message}`)
}
const isoByNumeric = new Map(isoCountries.map((c) => [c.numeric, c]))
const unknown = [...seen].filter((id) => !isoByNumeric.has(id)).sort(compare)
if (unknown.length > 0) {
  fail(`world-atlas ids not in countries.json: ${unknown.join(', ')}`)
}

// --- Projection -----------------------------------------------------------

const sphere = {type: 'Sphere'}
const projection = geoNaturalEarth1().fitExtent(
  [
    [MARGIN, MARGIN],
    [WIDTH - MARGIN, HEIGHT - MARGIN]
  ],
  sphere
)
const path = geoPath(projection).digits(DIGITS)

/**
 * Path `d` of a geometry. Rounding can make consecutive points equal; the
 * repeats are dropped (they draw nothing).
 */
function d(geometry) {
  const raw = path(geometry)
  if (!raw) return ''
  const commands = raw.match(/[MLZ][^MLZ]*/g)
  if (commands.join('') !== raw) fail('unexpected path syntax')
  const out = []
  let previous = null
  for (const command of commands) {
    if (command[0] === 'L' && command.slice(1) === previous) continue
    out.push(command)
    previous = command[0] === 'Z' ? null : command.slice(1)
  }
  return out.join('')
}

const countries = features
  .map((f) => ({numeric: f.id ?? null, name: f.properties.name, d: d(f)}))
  .sort((a, b) => {
    if (a.numeric === null || b.numeric === null) {
      if (a.numeric !== b.numeric) return a.numeric === null ? 1 : -1
      return compare(a.name, b.name)
    }
    return compare(a.numeric, b.numeric)
  })

for (const c of countries) {
  if (c.d === '') fail(`empty path for ${c.name}`)
}

const graticule = geoGraticule().stepMinor([GRATICULE_STEP, GRATICULE_STEP])

// --- Write ----------------------------------------------------------------

const missing = isoCountries
  .filter((c) => !seen.has(c.numeric))
  .map((c) => c.alpha3)
  .sort(compare)

const notes = [
  `Projection: d3-geo geoNaturalEarth1() fitted to the sphere in [[${MARGIN},${MARGIN}],[${WIDTH - MARGIN},${HEIGHT - MARGIN}]] of a ${WIDTH}×${HEIGHT} viewBox; coordinates rounded to ${DIGITS} decimal.`,
  `graticule: meridians every ${GRATICULE_STEP}° (those at multiples of 90° run pole to pole, the others from 80°S to 80°N, as in d3-geo's geoGraticule) and parallels every ${GRATICULE_STEP}° from 60°S to 60°N.`,
  'numeric is the ISO 3166-1 numeric code (the id in world-atlas); every one is a numeric code in countries.json. name is the Natural Earth short name, not the platform name: use countries.json for names.',
  `${WITHOUT_ID.join(', ')}: no ISO 3166-1 code in Natural Earth; numeric is null.`,
  'Natural Earth draws de facto boundaries: Somaliland and N. Cyprus are separate from Somalia (706) and Cyprus (196), Kosovo from Serbia (688), W. Sahara (732) from Morocco (504).',
  'Overseas parts are drawn with their country where Natural Earth admin-0 does so (e.g. French Guiana with France, 250; Svalbard with Norway, 578).',
  `${missing.length} of the ${isoCountries.length} countries.json entries have no shape of their own: ${missing.join(', ')}. Most are too small for 1:110m; some are drawn as part of another country (French Guiana, GUF, in France; Svalbard and Jan Mayen, SJM, in Norway).`
]

const output = {
  description:
    'SVG world map: one path per country from Natural Earth 1:110m (via world-atlas), Natural Earth projection, 960×500 viewBox. Generated by tools/refdata/build-map.mjs; do not edit by hand.',
  width: WIDTH,
  height: HEIGHT,
  sphere: d(sphere),
  graticule: d(graticule()),
  countries,
  sources: [
    {
      name: 'Natural Earth',
      version: NATURAL_EARTH_VERSION,
      license: 'public domain',
      url: 'https://www.naturalearthdata.com/downloads/110m-cultural-vectors/',
      used_for: 'Admin 0 country boundaries, 1:110m'
    },
    packageInfo('world-atlas', 'Natural Earth boundaries as TopoJSON (countries-110m.json), country ids and names'),
    packageInfo('topojson-client', 'TopoJSON to GeoJSON'),
    packageInfo('d3-geo', 'projection (geoNaturalEarth1), SVG paths, graticule')
  ],
  notes
}

mkdirSync(outDir, {recursive: true})
const text = JSON.stringify(output, null, 2) + '\n'
writeFileSync(join(outDir, 'world-map.json'), text)

console.log(
  `refdata: wrote ${countries.length} countries (${countries.filter((c) => c.numeric === null).length} without a numeric code) to ${join(outDir, 'world-map.json')} (${Buffer.byteLength(text)} bytes)`
)
