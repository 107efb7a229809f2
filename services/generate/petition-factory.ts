/**
 * Petitions (信访). Citizens name a site loosely: the district, a landmark, the estate's brand or
 * a shortened or misspelled project name, never its number. About one in twenty carries a
 * number the petition centre added; the ground truth always says which project it is about.
 */
import type { PetitionRecord } from '../resources/resource.schema.ts';
import { CORPUS_END, addDays, atOfficeHour, chineseMonth, formatDate, formatDateTime, toWorkingDay, yearOf } from './calendar.ts';
import { weightedTable } from './rng.ts';
import type { Rng } from './rng.ts';
import type { Counters } from './counters.ts';
import type { ProjectDraft } from './project-factory.ts';
import type { ApprovalDraft } from './approval-factory.ts';
import type { DistrictPlace } from './wuhan-places.ts';
import { districtLabel } from './project-names.ts';
import { fakeEmail, mobilePhone, personName } from './people-names.ts';
import {
  CHANNELS, CLOSINGS, COMPLAINTS, DURATIONS, GRIEVANCE_IMPACTS, HANDLING_TYPES, HOME_ESTATES, HOMOPHONES, NUISANCE_IMPACTS, OPENINGS,
  SELF_INTROS, UNRELATED,
} from './petition-vocabulary.ts';
import type { ComplaintSpec, PetitionOffice } from './petition-vocabulary.ts';

export interface PetitionOut { record: PetitionRecord; truth: readonly string[] }

const channels = weightedTable(CHANNELS);
const handlingTypes = weightedTable(HANDLING_TYPES);
/** Share of project petitions that carry the project's number. */
const NUMBERED = 0.05;

/** Swaps one character for a same-sounding one, as people writing from memory do. */
function misspell(name: string, rng: Rng): string {
  const chars = [...name];
  const candidates = chars.map((c, i) => (HOMOPHONES[c] ? i : -1)).filter((i) => i >= 0);
  // With no sound-alike, people drop the generic tail instead ("东南岸小区" → "东南岸").
  if (candidates.length === 0) return name.replace(/(小区|项目|工程)$/, '');
  const i = rng.pick(candidates);
  chars[i] = HOMOPHONES[chars[i]!]!;
  return chars.join('');
}

function home(d: DistrictPlace, rng: Rng): string {
  const street = rng.pick(d.streets);
  if (rng.chance(0.15)) return `${d.full}${street}${rng.pick(d.landmarks)}村${rng.int(1, 12)}组`;
  const estate = `${rng.pick(d.landmarks)}${rng.pick(HOME_ESTATES)}`;
  return `${d.full}${street}${estate}${rng.int(1, 32)}栋${rng.int(1, 4)}单元${rng.int(2, 33)}0${rng.int(1, 4)}室`;
}

/** The petitioner's own estate as they name it in the letter (without building and room). */
function homeShort(address: string): string {
  return address.replace(/\d+栋.*$/, '').replace(/\d+组$/, '');
}

/** Entirely invented: a generated name, a seeded phone number, an example.* e-mail. */
function petitioner(address: string, rng: Rng) {
  const name = personName(rng);
  return {
    name,
    phone: rng.chance(0.92) ? mobilePhone(rng) : null,
    email: rng.chance(0.35) ? fakeEmail(name, rng) : null,
    address,
  };
}

function office(role: PetitionOffice, d: DistrictPlace, rng: Rng): string {
  if (rng.chance(0.1)) return '信访中心';
  switch (role) {
    case 'branch': return `${d.short}分局`;
    case 'planning': return rng.chance(0.5) ? '规划处' : `${d.short}分局规划科`;
    case 'municipal': return '市政处';
    case 'enforcement': return '执法监察支队';
    case 'land': return '征地事务中心';
  }
}

/** Status as of the corpus's end: recent letters are still being handled. */
function status(receivedMs: number, rng: Rng): string {
  if (rng.chance(0.05)) return '不予受理';
  const age = (CORPUS_END - receivedMs) / 86_400_000;
  return age < 15 ? '受理' : age < 60 ? '办理中' : '已办结';
}

interface Letter { subject: string; text: string; category: string; office: string; homeAddress: string; receivedMs: number }

function record(counters: Counters, letter: Letter, projectNos: string[], rng: Rng, id: string): PetitionRecord {
  const year = yearOf(letter.receivedMs);
  const serial = counters.next(`letter/${year}`, rng.int(1, 9));
  return {
    id,
    letter_no: `[${year}]${String(serial).padStart(5, '0')}`,
    subject: letter.subject,
    text: letter.text,
    received_at: formatDateTime(letter.receivedMs),
    channel: channels.draw(rng),
    category: letter.category,
    office: letter.office,
    deadline: formatDate(addDays(letter.receivedMs, 60)),
    status: status(letter.receivedMs, rng),
    handling_type: handlingTypes.draw(rng),
    people_count: rng.chance(0.85) ? 1 : rng.int(2, 40),
    is_duplicate: rng.chance(0.08),
    petitioner: petitioner(letter.homeAddress, rng),
    project_nos: projectNos,
  };
}

/** Where the writer says the site is: "洪山区黄家湖那边的福星惠誉东南岸小区". */
function place(p: ProjectDraft, loose: string, rng: Rng, neighbours: readonly string[]): string {
  // Now and then the site is placed by another project beside it: that one is a landmark, not the subject.
  const other = neighbours.filter((n) => !n.includes(loose) && !loose.includes(n));
  if (other.length > 0 && rng.chance(0.12)) return `${rng.pick(other)}旁边的${loose}`;
  const roll = rng.next();
  // (Never `X旁边`: a site named as next to something is that something's neighbour, not it.)
  if (roll < 0.35) return `${districtLabel(p.district)}${loose.includes(p.landmark) ? '' : `${p.landmark}那边的`}${loose}`;
  if (roll < 0.6) return `${p.street}${loose}`;
  if (roll < 0.8) return `${p.roads[0]}边上的${loose}`;
  return `我们小区旁边的${loose}`;
}

function letterText(
  c: ComplaintSpec, p: ProjectDraft, loose: string, homeAddress: string, receivedMs: number, rng: Rng, neighbours: readonly string[] = [],
): string {
  // The site is placed once; a second sentence just names it again.
  let placed = false;
  const where = () => {
    if (placed) return loose;
    placed = true;
    return place(p, loose, rng, neighbours);
  };
  const fill = (s: string) => s
    .replace('{place}', where).replace('{name}', loose).replace('{road}', p.roads[rng.int(0, 1)]!)
    .replace('{home}', homeShort(homeAddress)).replace('{month}', chineseMonth(addDays(receivedMs, -rng.int(20, 150))));
  const details = rng.sample(c.details, rng.int(1, 2)).map(fill);
  return [
    rng.pick(OPENINGS), fill(selfIntro(loose, rng, neighbours)), fill(rng.pick(DURATIONS)), details.join('。而且'), '。',
    rng.pick(c.nuisance ? NUISANCE_IMPACTS : GRIEVANCE_IMPACTS),
    rng.pick(c.demands), '。', rng.pick(CLOSINGS),
  ].join('');
}

/** How the writer introduces themself: now and then as living in another project of the district (a home, not the subject). */
function selfIntro(loose: string, rng: Rng, neighbours: readonly string[]): string {
  const other = neighbours.filter((n) => !n.includes(loose) && !loose.includes(n));
  if (other.length > 0 && rng.chance(0.15)) {
    const home = rng.pick(other);
    return rng.pick([`我家住在${home}，`, `我们是${home}的业主，`, `我是住在${home}小区的居民，`]);
  }
  return rng.pick(SELF_INTROS);
}

/**
 * Petitions about one project, sent while it is being built (after its works permit, if any).
 * `neighbours`: what people call other projects of the district, which a letter may name as the
 * writer's home or as a landmark (never as its subject: the ground truth stays this project).
 */
export function projectPetitions(
  counters: Counters, p: ProjectDraft, approvals: readonly ApprovalDraft[], rng: Rng, nextId: () => string, neighbours: readonly string[] = [],
): PetitionOut[] {
  if (p.spec.complaints.length === 0) return [];
  const permit = approvals.find((a) => a.item.startsWith('建设工程规划许可证') && a.closedMs !== null);
  const from = permit?.closedMs ?? addDays(p.createdMs, 30);
  const until = Math.min(CORPUS_END - 86_400_000, addDays(from, 3 * 365));
  if (until <= from) return [];
  const out: PetitionOut[] = [];
  const count = rng.poisson(p.spec.petitionMean);
  for (let k = 0; k < count; k++) {
    const c = COMPLAINTS[rng.pick(p.spec.complaints)];
    const receivedMs = atOfficeHour(toWorkingDay(Math.floor(rng.float(from, until))), rng);
    let loose = p.looseNames.length > 0 ? rng.pick(p.looseNames) : p.name;
    if (rng.chance(0.2)) loose = misspell(loose, rng);
    const homeAddress = home(p.district, rng);
    const text = letterText(c, p, loose, homeAddress, receivedMs, rng, neighbours);
    // Never "纸坊纸坊新城": a landmark is only put before a name that does not contain it.
    const near = loose.includes(p.landmark) ? '' : p.landmark;
    const subject = rng.pick([
      `反映${districtLabel(p.district)}${loose}${c.issue}问题`,
      `${loose}${c.issue}`,
      `投诉${near}${loose}${c.issue}`,
      `关于${p.street}${loose}${c.issue}的问题`,
    ]);
    const letter: Letter = { subject, text, category: c.category, office: office(c.office, p.district, rng), homeAddress, receivedMs };
    out.push({ record: record(counters, letter, rng.chance(NUMBERED) ? [p.projectNo] : [], rng, nextId()), truth: [p.projectNo] });
  }
  return out;
}

/** A petition about no project (ground truth empty): the hub must not link it to one. */
export function unrelatedPetition(counters: Counters, d: DistrictPlace, dateMs: number, rng: Rng, id: string, neighbours: readonly string[] = []): PetitionOut {
  const u = rng.pick(UNRELATED);
  const homeAddress = home(d, rng);
  // Now and then the writer lives in an estate the hub holds as a project: a home, still about no project.
  const homeName = !u.homeIsSubject && neighbours.length > 0 && rng.chance(0.5) ? `${d.full}${rng.pick(neighbours)}` : homeShort(homeAddress);
  const text = `${rng.pick(OPENINGS)}${u.text
    .replace('{home}', homeName).replace('{road}', rng.pick(d.roads)).replace('{street}', rng.pick(d.streets))}${rng.pick(CLOSINGS)}`;
  const letter: Letter = {
    subject: `${districtLabel(d)}${u.issue}`, text, category: u.category, homeAddress,
    office: rng.chance(0.5) ? `${d.short}分局` : '信访中心', receivedMs: atOfficeHour(toWorkingDay(dateMs), rng),
  };
  return { record: record(counters, letter, [], rng, id), truth: [] };
}
