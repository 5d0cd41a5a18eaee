/**
 * Survivor stories with consent (CON-1…CON-8). Policy:
 * - a story belongs to the organisation that recorded it (it holds the consent); partners never see another
 *   organisation's stories, and the public sees only published, unexpired stories consented for the web;
 * - text, pending revision and the person's identifiers are encrypted with the stories key (derived from the
 *   field key, never in the database) and never logged, audited or put in an error message;
 * - publishing needs a complete consent record (409 CONSENT_INCOMPLETE naming every missing field), an
 *   unexpired consent, and — unless the story is `identified` — text free of the person's name, aliases, phone,
 *   email and other details (409 STORY_IDENTIFYING naming the kinds found, never the values);
 * - editing a published story's text or pseudonym creates a pending revision that is not public until it is
 *   approved (the approver is recorded); approving runs the publishing checks again;
 * - withdrawal is one action: the story leaves every public answer at once and its text, revision and
 *   identifiers are wiped; the consent record and the dates remain as proof;
 * - at expiry a story is no longer shown (checked on every read) and `expireStories` marks it expired.
 */
import { createHmac } from 'node:crypto';
import { actorLabel } from '../core/auth/permissions.ts';
import {
  consentProblems,
  type Identifiability,
  identifyingDetails,
  isExpired,
  type StoryConsent,
  type StorySubject,
} from '../core/campaigns/stories.ts';
import { canEditCampaign } from '../core/campaigns/types.ts';
import { DomainError } from '../core/errors.ts';
import { recordAudit } from '../store/audit.repo.ts';
import {
  findStory,
  insertStory,
  listPublishedAll,
  listPublishedStories,
  listStories,
  updateStory,
} from '../store/stories.repo.ts';
import type { CampaignStoryRow } from '../store/stories.schema.ts';
import { newSortableId, nowIso } from '../store/util.ts';
import { actingOrganization, type CampaignScope, getCampaign } from './campaigns.ts';
import type { ServiceContext } from './context.ts';
import { decryptField, encryptField, type FieldKey } from './field-crypto.ts';
import { notifyPublicationChanged } from './publication-events.ts';

/** A service context that can read and write story text. */
export interface StoryContext extends ServiceContext {
  fieldKey: FieldKey;
  /** Today's date (tests move it). */
  today?: () => string;
}

/** The key of the stories data class, derived from the field key (SEC-15: a key per data class). */
export function storiesKey(fieldKey: FieldKey): FieldKey {
  return createHmac('sha256', fieldKey).update('lawgap/stories/v1').digest() as FieldKey;
}

export interface Story {
  id: string;
  campaignId: string;
  status: string;
  pseudonym: string;
  text: string | null;
  pendingPseudonym: string | null;
  pendingText: string | null;
  subject: StorySubject | null;
  consent: StoryConsent;
  consentProblems: string[];
  expired: boolean;
  createdAt: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
}

/** What the public sees of a story. */
export interface PublicStory {
  id: string;
  pseudonym: string;
  text: string;
  publishedAt: string;
}

const today = (ctx: StoryContext) => (ctx.today ? ctx.today() : nowIso().slice(0, 10));

const emptyConsent: StoryConsent = {
  purpose: null,
  channels: [],
  identifiability: null,
  givenOn: null,
  expiresOn: null,
  withdrawalRoute: null,
  retentionMonths: null,
  researchUse: null,
  consentTextVersion: null,
  recordedBy: null,
};

function decrypt(ctx: StoryContext, text: string | null): string | null {
  return text === null ? null : decryptField(storiesKey(ctx.fieldKey), text);
}

function encrypt(ctx: StoryContext, text: string): string {
  return encryptField(storiesKey(ctx.fieldKey), text);
}

function toStory(ctx: StoryContext, r: CampaignStoryRow): Story {
  const consent = JSON.parse(r.consent_json) as StoryConsent;
  const subject = decrypt(ctx, r.subject_ciphertext);
  return {
    id: r.id,
    campaignId: r.campaign_id,
    status: r.status,
    pseudonym: r.pseudonym,
    text: decrypt(ctx, r.text_ciphertext),
    pendingPseudonym: r.pending_pseudonym,
    pendingText: decrypt(ctx, r.pending_text_ciphertext),
    subject: subject === null ? null : (JSON.parse(subject) as StorySubject),
    consent,
    consentProblems: consentProblems(consent).map((p) => p.field),
    expired: isExpired(consent, today(ctx)),
    createdAt: r.created_at,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
  };
}

function cleanSubject(s: Partial<StorySubject> | undefined): StorySubject {
  const list = (v: string[] | undefined) => (v ?? []).map((x) => x.trim()).filter((x) => x !== '');
  return {
    name: s?.name?.trim() || null,
    aliases: list(s?.aliases),
    phones: list(s?.phones),
    emails: list(s?.emails),
    other: list(s?.other),
  };
}

function checkText(pseudonym: string, text: string): void {
  if (pseudonym.trim() === '' || pseudonym.length > 100)
    throw new DomainError('VALIDATION_FAILED', 'pseudonym: 1 to 100 characters', { field: 'pseudonym' });
  if (text.trim() === '' || text.length > 20_000)
    throw new DomainError('VALIDATION_FAILED', 'text: 1 to 20000 characters', { field: 'text' });
}

async function ownStory(ctx: StoryContext, id: string, scope: CampaignScope, write: boolean) {
  const organizationId = await actingOrganization(ctx, scope, write ? 'campaigns:write' : 'org:read');
  const row = await findStory(ctx.db, organizationId, id);
  if (!row) throw new DomainError('STORY_NOT_FOUND', `no story ${id}`);
  if (write) {
    const campaign = await getCampaign(ctx, row.campaign_id, scope);
    if (!canEditCampaign(campaign.access))
      throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  }
  return { organizationId, row };
}

/** Records a story (a draft) for a campaign the organisation may edit; the consent may still be incomplete. */
export async function createStory(
  ctx: StoryContext,
  campaignId: string,
  args: CampaignScope & {
    pseudonym?: string;
    text: string;
    subject?: Partial<StorySubject>;
    consent?: Partial<StoryConsent>;
  },
): Promise<Story> {
  const organizationId = await actingOrganization(ctx, args, 'campaigns:write');
  const campaign = await getCampaign(ctx, campaignId, args);
  if (!canEditCampaign(campaign.access))
    throw new DomainError('FORBIDDEN', 'your organization only views this campaign');
  const pseudonym = args.pseudonym?.trim() || 'Anonymous';
  checkText(pseudonym, args.text);
  const now = nowIso();
  const row: CampaignStoryRow = {
    id: newSortableId(),
    campaign_id: campaignId,
    organization_id: organizationId,
    status: 'draft',
    pseudonym,
    text_ciphertext: encrypt(ctx, args.text),
    pending_pseudonym: null,
    pending_text_ciphertext: null,
    subject_ciphertext: encrypt(ctx, JSON.stringify(cleanSubject(args.subject))),
    consent_json: JSON.stringify({ ...emptyConsent, ...args.consent }),
    created_by: actorLabel(ctx.actor),
    created_at: now,
    updated_at: now,
    published_at: null,
    published_by: null,
    approved_by: null,
    withdrawn_at: null,
    withdrawn_by: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertStory(trx, row);
    await recordAudit(trx, ctx.actor, 'stories.create', row.id, { campaignId });
  });
  return toStory(ctx, row);
}

/** The organisation's own stories of a campaign (with text, for the people who hold the consent). */
export async function campaignStories(
  ctx: StoryContext,
  campaignId: string,
  scope: CampaignScope = {},
): Promise<Story[]> {
  const organizationId = await actingOrganization(ctx, scope, 'org:read');
  await getCampaign(ctx, campaignId, scope);
  return (await listStories(ctx.db, organizationId, campaignId)).map((r) => toStory(ctx, r));
}

/** Why a text may not be published (throws): incomplete or expired consent, identifying details. */
function publishChecks(ctx: StoryContext, consent: StoryConsent, text: string, subject: StorySubject): void {
  const problems = consentProblems(consent);
  if (problems.length > 0) {
    throw new DomainError(
      'CONSENT_INCOMPLETE',
      `the consent record is incomplete: ${problems.map((p) => p.field).join(', ')}`,
      { problems },
    );
  }
  if (isExpired(consent, today(ctx)))
    throw new DomainError('CONSENT_INCOMPLETE', `consent expired on ${consent.expiresOn}`, {
      field: 'consent.expiresOn',
    });
  if (!consent.channels.includes('web'))
    throw new DomainError('CONSENT_INCOMPLETE', 'consent does not cover the web', {
      field: 'consent.channels',
    });
  if ((consent.identifiability as Identifiability) !== 'identified') {
    const found = identifyingDetails(text, subject);
    if (found.length > 0) {
      throw new DomainError(
        'STORY_IDENTIFYING',
        `the text contains the person's ${found.join(', ')}: remove it, or record consent to be identified`,
        { found },
      );
    }
  }
}

/** Publishes a draft (or re-publishes an expired story after consent was renewed). */
export async function publishStory(ctx: StoryContext, id: string, scope: CampaignScope = {}): Promise<Story> {
  const { row } = await ownStory(ctx, id, scope, true);
  if (row.status === 'withdrawn')
    throw new DomainError('STORY_STATE_INVALID', 'a withdrawn story cannot be published again');
  const story = toStory(ctx, row);
  publishChecks(ctx, story.consent, story.text ?? '', story.subject ?? cleanSubject(undefined));
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateStory(trx, id, {
      status: 'published',
      published_at: now,
      published_by: actorLabel(ctx.actor),
      updated_at: now,
    });
    await recordAudit(trx, ctx.actor, 'stories.publish', id);
  });
  notifyPublicationChanged();
  return toStory(ctx, (await findStory(ctx.db, row.organization_id, id)) as CampaignStoryRow);
}

/**
 * Changes a story. On a draft, text and pseudonym change at once; on a published story they become a pending
 * revision (not public until approved). The consent record and the person's identifiers can change either way
 * (a published story whose consent becomes incomplete is unpublished to a draft).
 */
export async function editStory(
  ctx: StoryContext,
  id: string,
  args: CampaignScope & {
    pseudonym?: string;
    text?: string;
    subject?: Partial<StorySubject>;
    consent?: Partial<StoryConsent>;
  },
): Promise<Story> {
  const { row } = await ownStory(ctx, id, scope(args), true);
  if (row.status === 'withdrawn')
    throw new DomainError('STORY_STATE_INVALID', 'a withdrawn story cannot be edited');
  const current = toStory(ctx, row);
  const consent = { ...current.consent, ...args.consent };
  const set: Parameters<typeof updateStory>[2] = {
    consent_json: JSON.stringify(consent),
    updated_at: nowIso(),
  };
  if (args.subject) set.subject_ciphertext = encrypt(ctx, JSON.stringify(cleanSubject(args.subject)));
  const pseudonym = args.pseudonym ?? current.pendingPseudonym ?? current.pseudonym;
  const text = args.text ?? current.pendingText ?? current.text ?? '';
  if (args.text !== undefined || args.pseudonym !== undefined) {
    checkText(pseudonym, text);
    if (row.status === 'published') {
      set.pending_pseudonym = pseudonym;
      set.pending_text_ciphertext = encrypt(ctx, text);
    } else {
      set.pseudonym = pseudonym;
      set.text_ciphertext = encrypt(ctx, text);
    }
  }
  if (row.status === 'published' && consentProblems(consent).length > 0) set.status = 'draft';
  await ctx.db.transaction().execute(async (trx) => {
    await updateStory(trx, id, set);
    await recordAudit(trx, ctx.actor, 'stories.edit', id, {
      pendingRevision: set.pending_text_ciphertext !== undefined,
    });
  });
  return toStory(ctx, (await findStory(ctx.db, row.organization_id, id)) as CampaignStoryRow);
}

function scope(args: CampaignScope): CampaignScope {
  return args.organization ? { organization: args.organization } : {};
}

/** Approves a pending revision of a published story (the survivor's or advocate's approval, recorded by name). */
export async function approveRevision(
  ctx: StoryContext,
  id: string,
  args: CampaignScope & { approvedBy: string },
): Promise<Story> {
  const { row } = await ownStory(ctx, id, scope(args), true);
  if (row.pending_text_ciphertext === null)
    throw new DomainError('STORY_STATE_INVALID', 'there is no revision waiting for approval');
  if (args.approvedBy.trim() === '')
    throw new DomainError('VALIDATION_FAILED', 'say who approved the revision', { field: 'approvedBy' });
  const story = toStory(ctx, row);
  publishChecks(ctx, story.consent, story.pendingText ?? '', story.subject ?? cleanSubject(undefined));
  await ctx.db.transaction().execute(async (trx) => {
    await updateStory(trx, id, {
      pseudonym: row.pending_pseudonym ?? row.pseudonym,
      text_ciphertext: row.pending_text_ciphertext,
      pending_pseudonym: null,
      pending_text_ciphertext: null,
      approved_by: args.approvedBy.trim(),
      updated_at: nowIso(),
    });
    await recordAudit(trx, ctx.actor, 'stories.approve', id);
  });
  notifyPublicationChanged();
  return toStory(ctx, (await findStory(ctx.db, row.organization_id, id)) as CampaignStoryRow);
}

/** Withdraws a story in one action: off every public answer at once, text and identifiers wiped. */
export async function withdrawStory(ctx: StoryContext, id: string, args: CampaignScope = {}): Promise<Story> {
  const { row } = await ownStory(ctx, id, scope(args), true);
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateStory(trx, id, {
      status: 'withdrawn',
      text_ciphertext: null,
      pending_text_ciphertext: null,
      pending_pseudonym: null,
      subject_ciphertext: null,
      withdrawn_at: now,
      withdrawn_by: actorLabel(ctx.actor),
      updated_at: now,
    });
    await recordAudit(trx, ctx.actor, 'stories.withdraw', id);
  });
  notifyPublicationChanged();
  return toStory(ctx, (await findStory(ctx.db, row.organization_id, id)) as CampaignStoryRow);
}

/** The published, unexpired, web-consented stories of a campaign, as anyone may read them. */
export async function publicStories(ctx: StoryContext, campaignId: string): Promise<PublicStory[]> {
  const day = today(ctx);
  return (await listPublishedStories(ctx.db, campaignId)).flatMap((r) => {
    const consent = JSON.parse(r.consent_json) as StoryConsent;
    if (isExpired(consent, day) || !consent.channels.includes('web') || r.text_ciphertext === null) return [];
    return [
      {
        id: r.id,
        pseudonym: consent.identifiability === 'anonymous' ? 'Anonymous' : r.pseudonym,
        text: decrypt(ctx, r.text_ciphertext) ?? '',
        publishedAt: r.published_at ?? r.updated_at,
      },
    ];
  });
}

/** Marks published stories whose consent expired as expired (the reads already hide them); returns how many. */
export async function expireStories(ctx: StoryContext): Promise<number> {
  const day = today(ctx);
  const due = (await listPublishedAll(ctx.db)).filter((r) =>
    isExpired(JSON.parse(r.consent_json) as StoryConsent, day),
  );
  for (const r of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateStory(trx, r.id, { status: 'expired', updated_at: nowIso() });
      await recordAudit(trx, ctx.actor, 'stories.expire', r.id);
    });
  }
  return due.length;
}
