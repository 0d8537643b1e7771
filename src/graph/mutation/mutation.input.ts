import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ID_PATTERN, LONG_TEXT, SHORT_TEXT } from '../../model/index.js';
import { MeetingKind, OrganisationKind, PracticeKind, SourceKind } from '../shared/enums.js';

/*
 * The inputs of create<Type> and update<Type>, one explicit class each, so the schema documents every
 * field. Contracts shared by all of them:
 * - create: `id` is optional; without it the id is `<type>:<slug of the display text>`; a clash with an
 *   existing node is BAD_USER_INPUT (reason CONFLICT).
 * - update: every field is optional; an omitted field stays as it is, `null` removes an optional property
 *   (a required one cannot be removed).
 * - provenance: `sourceId` names the Source the fact comes from (it must exist); without it the write is
 *   recorded against `source:handmatige-invoer` (manual input). Either way the `SOURCED_FROM` edge carries
 *   who wrote (`by`) and when (`at`), and `sourceLocator` as its `locator`.
 * - links (create only): `links` gives the new node's relationships to existing nodes, written in the same
 *   statement as the node: all or nothing. Each is checked as `link` checks its arguments (GraphWriter).
 * class-validator checks the shapes (non-empty display text, lengths, id pattern, year ranges); the model
 * (`NODE_SPECS` and its text rules: limits, no control characters, valid Unicode) is checked again by the
 * write itself, so nothing reaches Neo4j unchecked.
 */

/** Text that must contain something besides white space. */
const NOT_BLANK = /\S/;
// The model's limits (model/text-rules.ts), which the write itself checks again for every path.
const SHORT = SHORT_TEXT;
const LONG = LONG_TEXT;
const notEmpty = (field: string) => ({ message: `${field} must not be empty` });
const tooLong = (field: string, max: number) => ({ message: `${field} must be at most ${max} characters` });
const idShape = { message: 'id must look like "<type>:<slug>" (lower case letters, digits and single dashes)' };
const YEAR = { min: 1800, max: 2200 };
const yearRange = (field: string) => ({ message: `${field} must be a year from ${YEAR.min} to ${YEAR.max}` });

/** Provenance fields of every write. */
@InputType()
export abstract class WriteInput {
  @Field(() => ID, { nullable: true, description: 'The Source this comes from (must exist). Default: `source:handmatige-invoer` (manual input).' })
  @IsOptional()
  @Matches(ID_PATTERN, idShape)
  sourceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where in the source (page, paragraph, minute): the `locator` of the SOURCED_FROM edge.' })
  @IsOptional()
  @MaxLength(SHORT, tooLong('sourceLocator', SHORT))
  sourceLocator?: string | null;
}

/**
 * Most links one create<Type> takes (`input.links`): a node with more relationships gets the rest with `link`
 * or `importGraph`. It bounds the statement the create sends (one OPTIONAL MATCH and one MERGE per link).
 */
export const MAX_NEW_LINKS = 100;

/**
 * One relationship of a node being created, to an existing node. Exactly one of `to`/`from` is given (the
 * other end is the new node); the checks (the model's triples and relationship properties, ids, at most
 * `MAX_NEW_LINKS`, no link twice) are GraphWriter's, so a bad link names its item (`links.1.to`).
 */
@InputType({
  description:
    'A relationship of the node being created to an existing node: give `to` for (new)-[type]->(to) or `from` for (from)-[type]->(new), not both. ' +
    'Checked like `link` (the model\'s triples and relationship properties); recorded with the create\'s source (`sourceId`), who (`by`) and when (`at`).',
})
export class NewLinkInput {
  @Field(() => String, { description: 'The relationship type, e.g. IN or APPLIES: one the model allows between the two node types.' })
  type!: string;

  @Field(() => ID, { nullable: true, description: 'The existing node the relationship points to: (new)-[type]->(to). Give this or `from`.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'The existing node the relationship comes from: (from)-[type]->(new). Give this or `to`.' })
  from?: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Relationship properties as the model allows them for this type, e.g. USES {evidence, restricted}.' })
  properties?: Record<string, unknown> | null;
}

/** The fields every create<Type> input has besides its type's own: provenance and the new node's links. */
@InputType()
export abstract class CreateInput extends WriteInput {
  @Field(() => [NewLinkInput], {
    nullable: true,
    description:
      `The new node's relationships to existing nodes, written with it in one transaction: all or nothing. At most ${MAX_NEW_LINKS}; each other end must exist; no link twice.`,
  })
  links?: NewLinkInput[] | null;
}

// ---- Research -------------------------------------------------------------------------------------

@InputType({ description: 'A new research programme. `id` defaults to `research:<slug of title>`.' })
export class CreateResearchInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The programme\'s title.' }) @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title!: string;
  @Field(() => String, { description: 'The institution that runs the programme.' }) @Matches(NOT_BLANK, notEmpty('institution')) @MaxLength(SHORT, tooLong('institution', SHORT)) institution!: string;
  @Field(() => Int, { nullable: true, description: 'The year it started (1800 to 2200).' }) @IsOptional() @Min(YEAR.min, yearRange('startYear')) @Max(YEAR.max, yearRange('startYear')) startYear?: number | null;
  @Field(() => Int, { nullable: true, description: 'How many interviewees a source reports (with its qualifier, e.g. "ruim" 50).' }) @IsOptional() @Min(0) reportedIntervieweeCount?: number | null;
  @Field(() => String, { nullable: true, description: 'The qualifier the source puts before the reported number, e.g. "ruim" (more than).' }) @IsOptional() @MaxLength(SHORT, tooLong('reportedIntervieweeQualifier', SHORT)) reportedIntervieweeQualifier?: string | null;
  @Field(() => String, { nullable: true, description: 'Who was interviewed, in the source\'s words.' }) @IsOptional() @MaxLength(SHORT, tooLong('reportedIntervieweePopulation', SHORT)) reportedIntervieweePopulation?: string | null;
  @Field(() => [String], { nullable: true, description: 'The research questions, one string each.' }) @IsOptional() @MaxLength(SHORT, { each: true, ...tooLong('questions', SHORT) }) questions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'How the research works, in the source\'s words.' }) @IsOptional() @MaxLength(LONG, tooLong('method', LONG)) method?: string | null;
}

@InputType({ description: 'Changes to a research programme: omitted fields stay, null removes an optional one.' })
export class UpdateResearchInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The programme\'s title.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title?: string | null;
  @Field(() => String, { nullable: true, description: 'The institution that runs the programme.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('institution')) @MaxLength(SHORT, tooLong('institution', SHORT)) institution?: string | null;
  @Field(() => Int, { nullable: true, description: 'The year it started (1800 to 2200).' }) @IsOptional() @Min(YEAR.min, yearRange('startYear')) @Max(YEAR.max, yearRange('startYear')) startYear?: number | null;
  @Field(() => Int, { nullable: true, description: 'How many interviewees a source reports (with its qualifier, e.g. "ruim" 50).' }) @IsOptional() @Min(0) reportedIntervieweeCount?: number | null;
  @Field(() => String, { nullable: true, description: 'The qualifier the source puts before the reported number, e.g. "ruim" (more than).' }) @IsOptional() @MaxLength(SHORT, tooLong('reportedIntervieweeQualifier', SHORT)) reportedIntervieweeQualifier?: string | null;
  @Field(() => String, { nullable: true, description: 'Who was interviewed, in the source\'s words.' }) @IsOptional() @MaxLength(SHORT, tooLong('reportedIntervieweePopulation', SHORT)) reportedIntervieweePopulation?: string | null;
  @Field(() => [String], { nullable: true, description: 'The research questions, one string each.' }) @IsOptional() @MaxLength(SHORT, { each: true, ...tooLong('questions', SHORT) }) questions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'How the research works, in the source\'s words.' }) @IsOptional() @MaxLength(LONG, tooLong('method', LONG)) method?: string | null;
}

// ---- Organisation ---------------------------------------------------------------------------------

@InputType({ description: 'A new organisation. `id` defaults to `organisation:<slug of name>`.' })
export class CreateOrganisationInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The organisation\'s name.' }) @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name!: string;
  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' }) kind!: OrganisationKind;
}

@InputType({ description: 'Changes to an organisation: omitted fields stay.' })
export class UpdateOrganisationInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The organisation\'s name.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name?: string | null;
  @Field(() => OrganisationKind, { nullable: true, description: 'What kind of organisation it is.' }) kind?: OrganisationKind | null;
}

// ---- Person ---------------------------------------------------------------------------------------

@InputType({ description: 'A new public person named in a source. `id` defaults to `person:<slug of name>`.' })
export class CreatePersonInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The person\'s name (public people only).' }) @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name!: string;
  @Field(() => String, { nullable: true, description: 'The person\'s role or position.' }) @IsOptional() @MaxLength(SHORT, tooLong('role', SHORT)) role?: string | null;
}

@InputType({ description: 'Changes to a person: omitted fields stay, null removes an optional one.' })
export class UpdatePersonInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The person\'s name (public people only).' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name?: string | null;
  @Field(() => String, { nullable: true, description: 'The person\'s role or position.' }) @IsOptional() @MaxLength(SHORT, tooLong('role', SHORT)) role?: string | null;
}

// ---- Municipality ---------------------------------------------------------------------------------

@InputType({ description: 'A new municipality. `id` defaults to `municipality:<slug of name>`.' })
export class CreateMunicipalityInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The municipality\'s name.' }) @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name!: string;
  @Field(() => String, { nullable: true, description: 'The province the municipality lies in.' }) @IsOptional() @MaxLength(SHORT, tooLong('province', SHORT)) province?: string | null;
}

@InputType({ description: 'Changes to a municipality: omitted fields stay, null removes an optional one.' })
export class UpdateMunicipalityInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The municipality\'s name.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name?: string | null;
  @Field(() => String, { nullable: true, description: 'The province the municipality lies in.' }) @IsOptional() @MaxLength(SHORT, tooLong('province', SHORT)) province?: string | null;
}

// ---- Employee -------------------------------------------------------------------------------------

@InputType({ description: 'A new interviewed employee: a pseudonym only, never a real name. `id` defaults to `employee:<slug of pseudonym>`.' })
export class CreateEmployeeInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'A pseudonym such as "Anouk V.", never a real name.' })
  @Matches(NOT_BLANK, notEmpty('pseudonym'))
  @MaxLength(SHORT, tooLong('pseudonym', SHORT))
  pseudonym!: string;
  @Field(() => String, { nullable: true, description: 'The employee\'s job or role.' }) @IsOptional() @MaxLength(SHORT, tooLong('role', SHORT)) role?: string | null;
  @Field(() => String, { nullable: true, description: 'The department the employee works in.' }) @IsOptional() @MaxLength(SHORT, tooLong('department', SHORT)) department?: string | null;
}

@InputType({ description: 'Changes to an employee: omitted fields stay, null removes an optional one.' })
export class UpdateEmployeeInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'A pseudonym (never a real name).' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('pseudonym')) @MaxLength(SHORT, tooLong('pseudonym', SHORT)) pseudonym?: string | null;
  @Field(() => String, { nullable: true, description: 'The employee\'s job or role.' }) @IsOptional() @MaxLength(SHORT, tooLong('role', SHORT)) role?: string | null;
  @Field(() => String, { nullable: true, description: 'The department the employee works in.' }) @IsOptional() @MaxLength(SHORT, tooLong('department', SHORT)) department?: string | null;
}

// ---- Practice -------------------------------------------------------------------------------------

@InputType({ description: 'A new practice. `id` defaults to `practice:<slug of name>`.' })
export class CreatePracticeInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The practice\'s name.' }) @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name!: string;
  @Field(() => String, { nullable: true, description: 'What the practice is.' }) @IsOptional() @MaxLength(LONG, tooLong('description', LONG)) description?: string | null;
  @Field(() => PracticeKind, { nullable: true, description: 'Leave out when the source does not say.' }) kind?: PracticeKind | null;
  @Field(() => String, { nullable: true, description: 'English gloss of the name.' }) @IsOptional() @MaxLength(SHORT, tooLong('gloss', SHORT)) gloss?: string | null;
}

@InputType({ description: 'Changes to a practice: omitted fields stay, null removes an optional one.' })
export class UpdatePracticeInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The practice\'s name.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name?: string | null;
  @Field(() => String, { nullable: true, description: 'What the practice is.' }) @IsOptional() @MaxLength(LONG, tooLong('description', LONG)) description?: string | null;
  @Field(() => PracticeKind, { nullable: true, description: 'Mindset, skill, routine or organisational.' }) kind?: PracticeKind | null;
  @Field(() => String, { nullable: true, description: 'A short explanation of the name, in English.' }) @IsOptional() @MaxLength(SHORT, tooLong('gloss', SHORT)) gloss?: string | null;
}

// ---- Dilemma --------------------------------------------------------------------------------------

@InputType({ description: 'A new dilemma. `id` defaults to `dilemma:<slug of name>`.' })
export class CreateDilemmaInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The dilemma\'s name.' }) @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name!: string;
  @Field(() => String, { nullable: true, description: 'What the dilemma is.' }) @IsOptional() @MaxLength(LONG, tooLong('description', LONG)) description?: string | null;
  @Field(() => String, { nullable: true, description: 'English gloss of the name.' }) @IsOptional() @MaxLength(SHORT, tooLong('gloss', SHORT)) gloss?: string | null;
}

@InputType({ description: 'Changes to a dilemma: omitted fields stay, null removes an optional one.' })
export class UpdateDilemmaInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The dilemma\'s name.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('name')) @MaxLength(SHORT, tooLong('name', SHORT)) name?: string | null;
  @Field(() => String, { nullable: true, description: 'What the dilemma is.' }) @IsOptional() @MaxLength(LONG, tooLong('description', LONG)) description?: string | null;
  @Field(() => String, { nullable: true, description: 'A short explanation of the name, in English.' }) @IsOptional() @MaxLength(SHORT, tooLong('gloss', SHORT)) gloss?: string | null;
}

// ---- Conclusion -----------------------------------------------------------------------------------

@InputType({ description: 'A new conclusion. `id` defaults to `conclusion:<slug of statement>`; give a shorter one for long statements.' })
export class CreateConclusionInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The conclusion, as drawn.' }) @Matches(NOT_BLANK, notEmpty('statement')) @MaxLength(LONG, tooLong('statement', LONG)) statement!: string;
  @Field(() => String, { nullable: true, description: 'English gloss of the statement.' }) @IsOptional() @MaxLength(LONG, tooLong('gloss', LONG)) gloss?: string | null;
}

@InputType({ description: 'Changes to a conclusion: omitted fields stay, null removes an optional one.' })
export class UpdateConclusionInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The conclusion, as drawn.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('statement')) @MaxLength(LONG, tooLong('statement', LONG)) statement?: string | null;
  @Field(() => String, { nullable: true, description: 'A short explanation of the name, in English.' }) @IsOptional() @MaxLength(LONG, tooLong('gloss', LONG)) gloss?: string | null;
}

// ---- Meeting --------------------------------------------------------------------------------------

@InputType({ description: 'A new meeting. `id` defaults to `meeting:<slug of title>`.' })
export class CreateMeetingInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The meeting\'s title.' }) @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title!: string;
  @Field(() => LocalDateResolver, { description: 'ISO date, e.g. 2018-03-14.' }) date!: string;
  @Field(() => Int, { nullable: true, description: 'How many took part, as the source reports.' }) @IsOptional() @Min(0, { message: 'participantCount must not be negative' }) participantCount?: number | null;
  @Field(() => MeetingKind, { description: 'What kind of meeting it was.' }) kind!: MeetingKind;
}

@InputType({ description: 'Changes to a meeting: omitted fields stay, null removes an optional one.' })
export class UpdateMeetingInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The meeting\'s title.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the meeting (YYYY-MM-DD).' }) date?: string | null;
  @Field(() => Int, { nullable: true, description: 'How many took part, as the source reports.' }) @IsOptional() @Min(0, { message: 'participantCount must not be negative' }) participantCount?: number | null;
  @Field(() => MeetingKind, { nullable: true, description: 'What kind of meeting it was.' }) kind?: MeetingKind | null;
}

// ---- Case -----------------------------------------------------------------------------------------

@InputType({ description: 'A new case. `id` defaults to `case:<slug of title>`.' })
export class CreateCaseInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'A short title of the case.' }) @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title!: string;
  @Field(() => String, { nullable: true, description: 'What happened; may be marked restricted (then only editors and admins read it).' }) @IsOptional() @MaxLength(LONG, tooLong('summary', LONG)) summary?: string | null;
  @Field(() => Int, { nullable: true, description: 'The year it took place (1800 to 2200).' }) @IsOptional() @Min(YEAR.min, yearRange('year')) @Max(YEAR.max, yearRange('year')) year?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the summary is shown to editors and admins only (null for everyone else).' })
  restricted?: boolean | null;
}

@InputType({ description: 'Changes to a case: omitted fields stay, null removes an optional one.' })
export class UpdateCaseInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'A short title of the case.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title?: string | null;
  @Field(() => String, { nullable: true, description: 'What happened; may be marked restricted (then only editors and admins read it).' }) @IsOptional() @MaxLength(LONG, tooLong('summary', LONG)) summary?: string | null;
  @Field(() => Int, { nullable: true, description: 'The year it took place (1800 to 2200).' }) @IsOptional() @Min(YEAR.min, yearRange('year')) @Max(YEAR.max, yearRange('year')) year?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the summary is shown to editors and admins only.' }) restricted?: boolean | null;
}

// ---- Source ---------------------------------------------------------------------------------------

@InputType({
  description:
    'A new source. `id` defaults to `source:<slug of title>`. Its own provenance (who registered it, when) goes on a SOURCED_FROM edge like any write.',
})
export class CreateSourceInput extends CreateInput {
  @Field(() => ID, { nullable: true, description: 'The new node\'s id, `<type>:<slug>`. Default: the type and the slug of its name or title; an existing id is BAD_USER_INPUT.' }) @IsOptional() @Matches(ID_PATTERN, idShape) id?: string | null;
  @Field(() => String, { description: 'The source\'s title.' }) @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title!: string;
  @Field(() => SourceKind, { description: 'What kind of source it is (ILLUSTRATIVE for made-up data).' }) kind!: SourceKind;
  @Field(() => String, { nullable: true, description: 'Where the source is (URL, archive reference).' }) @IsOptional() @MaxLength(LONG, tooLong('locator', LONG)) locator?: string | null;
  @Field(() => Boolean, { description: 'true for illustrative, made-up data.' }) synthetic!: boolean;
}

@InputType({ description: 'Changes to a source: omitted fields stay, null removes an optional one.' })
export class UpdateSourceInput extends WriteInput {
  @Field(() => String, { nullable: true, description: 'The source\'s title.' }) @IsOptional() @Matches(NOT_BLANK, notEmpty('title')) @MaxLength(SHORT, tooLong('title', SHORT)) title?: string | null;
  @Field(() => SourceKind, { nullable: true, description: 'What kind of source it is (ILLUSTRATIVE for made-up data).' }) kind?: SourceKind | null;
  @Field(() => String, { nullable: true, description: 'Where the source can be found (URL, archive reference, file).' }) @IsOptional() @MaxLength(LONG, tooLong('locator', LONG)) locator?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the source holds made-up, illustrative data (its nodes are then marked synthetic).' }) synthetic?: boolean | null;
}
