import { Alert, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Stack, Typography } from '@mui/material';
import { useMemo, useRef, useState } from 'react';
import { useDroppedSource, useHeldSource } from './useHeldSource';
import { useTranslation } from 'react-i18next';
import { useAppSelector } from '../../app/hooks';
import { useServices } from '../../app/services';
import { biScriptIn, triLingualIn } from '../../domain/names';
import { applyTransfer, planMerge, previewTransfer, type AppliedTransfer, type MergePlan, type PackageInfo, type RecordConflicts, type TransferPreview } from '../../db/exchange';
import { DomainError } from '../../domain/errors';
import { ExchangeError } from '../../exchange';
import type { HostFileSource } from '../../host/streams';
import { packageFilters } from './backupFile';
import { openPackage } from './openPackage';
import { chooseAll, conflictCount, keptChoices, recordDecisions, undecidedCount, type Choices } from './conflicts';
import { ConflictList } from './ConflictList';
import { ExchangeProgressView } from './ExchangeProgressView';
import { describeFailure, describeTransferFailure, type FailureMessage } from './exchangeMessages';
import { FailureAlert } from './FailureAlert';
import { PackageSummary } from './PackageSummary';
import { ReceiveSummary } from './ReceiveSummary';
import { TransferPreviewView } from './TransferPreviewView';
import { EMPTY_TRANSFER_SECRET, resolveTransferSecret, TransferSecretField, transferSecretProblem, type ResolvedSecret, type TransferSecretInput } from './TransferSecretField';
import { useExchangeJob } from './useExchangeJob';
import { NO_LOCAL_REFS, useLocalRefs } from './useLocalRefs';
import { useDropHold } from './dropHold';

/**
 * "Receive cases", in the order that writes nothing until the user has seen everything: pick the
 * file (its header shows at once), the secret, then the whole file is read and checked and shown
 * (previewTransfer); matches proposed for the other office's accounts, mahallas and specialists are ticked by
 * the user, and those with no namesake here can be matched by hand to one of this office's; the
 * merge is planned and each conflicting field decided; only Apply writes, in one
 * transaction. A custody transfer then offers its receipt, to send back to the sending office.
 */
export function ReceiveCasesDialog({ configured, receiptFileName, initial, onClose }: { configured: boolean; receiptFileName: string; initial?: HostFileSource; onClose: () => void }) {
  const { t } = useTranslation('exchange');
  const { host, db } = useServices();
  const job = useExchangeJob();
  const [source, replaceSource] = useHeldSource();
  const [info, setInfo] = useState<PackageInfo | null>(null);
  const [picking, setPicking] = useState(false);
  const [secret, setSecret] = useState<TransferSecretInput>(EMPTY_TRANSFER_SECRET);
  const [resolved, setResolved] = useState<ResolvedSecret | null>(null);
  const [preview, setPreview] = useState<TransferPreview | null>(null);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  // Reference entries the user matched by hand to a record here (refKey → local id).
  const [mapped, setMapped] = useState<Readonly<Record<string, string>>>({});
  const language = useAppSelector((state) => state.session.language);
  const local = useLocalRefs() ?? NO_LOCAL_REFS;
  // What a reference entry with no namesake here can be matched to: active accounts, mahallas, specialists.
  const mapChoices = useMemo(
    () => ({
      users: local.users.filter((user) => user.active).map((user) => ({ id: user.id, label: biScriptIn(user.fullName, language) })),
      mahallas: local.mahallas.map((mahalla) => ({ id: mahalla.id, label: triLingualIn(mahalla.name, language) })),
      specialists: local.specialists.filter((specialist) => specialist.deletedAt === null).map((specialist) => ({ id: specialist.id, label: `${biScriptIn(specialist.fullName, language)} (${triLingualIn(specialist.position, language)})` })),
    }),
    [local, language],
  );
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  // The conflicts the choices were made on: a plan dropped (a match changed, a stale record) keeps them for the next.
  const decidedOn = useRef<readonly RecordConflicts[]>([]);
  const [applied, setApplied] = useState<AppliedTransfer | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<FailureMessage | null>(null);

  /** Asks the host for a file, or takes the one dropped onto the window. */
  const pick = async (given?: HostFileSource) => {
    setPicking(true);
    try {
      const opened = await openPackage(host, packageFilters(t('transfer.fileType')), given);
      // Chooser cancelled: the file picked before stays, as it was read.
      if (!(await replaceSource(opened))) return;
      setFailure(null);
      setInfo(null);
      setPreview(null);
      setPlan(null);
      if (!opened.source) return setFailure(opened.failure);
      if (!opened.info) return setFailure(describeTransferFailure(opened.error));
      setInfo(opened.info);
      if (opened.info.kind !== 'transfer') setFailure(describeTransferFailure(new ExchangeError('wrongKind', { reason: opened.info.kind })));
    } finally {
      setPicking(false);
    }
  };
  useDroppedSource(initial, pick);

  const open = async () => {
    if (!source || info?.kind !== 'transfer' || transferSecretProblem(secret, false) || job.running || working) return;
    setFailure(null);
    let unlocked: ResolvedSecret;
    setWorking(true);
    try {
      unlocked = await resolveTransferSecret(db, secret);
    } catch (error) {
      setFailure(describeFailure(error));
      return;
    } finally {
      setWorking(false);
    }
    try {
      const outcome = await job.run((signal, onProgress) => previewTransfer(db, () => source.open(), unlocked.open, { onProgress, signal }));
      if (outcome.cancelled) return;
      setResolved(unlocked);
      setPreview(outcome.value);
      setAccepted(new Set());
      setMapped({});
      setChoices({});
      decidedOn.current = [];
    } catch (error) {
      setFailure(describeTransferFailure(error));
    }
  };

  /** Plans the merge with the matches the user ticked; a change of ticks plans again. */
  const makePlan = async () => {
    if (!preview) return;
    setFailure(null);
    setWorking(true);
    try {
      const suggested = preview.refs.filter((ref) => ref.suggestion && accepted.has(`${ref.table}:${ref.id}`)).map((ref) => [`${ref.table}:${ref.id}`, ref.suggestion!]);
      const refMap = Object.fromEntries([...suggested, ...Object.entries(mapped).filter(([, localId]) => localId)]);
      const next = await planMerge(db, preview, { refMap });
      // Decisions made before stand where the same fields conflict with the same values.
      setChoices(keptChoices(decidedOn.current, next.conflicts, choices));
      decidedOn.current = next.conflicts;
      setPlan(next);
    } catch (error) {
      setFailure(describeTransferFailure(error));
    } finally {
      setWorking(false);
    }
  };

  const apply = async () => {
    if (!plan || !source || undecidedCount(plan.conflicts, choices) > 0) return;
    setFailure(null);
    setWorking(true);
    try {
      setApplied(await applyTransfer(db, plan, recordDecisions(plan.conflicts, choices), { fileName: source.name }));
      await source.close();
    } catch (error) {
      // Something here changed since the plan: plan again (the user sees the conflicts as they are now).
      if (error instanceof DomainError && error.code === 'staleRevision') setPlan(null);
      setFailure(describeTransferFailure(error));
    } finally {
      setWorking(false);
    }
  };

  /** New choices: a refusal of the previous ones (a plan's action left without its goal) no longer applies. */
  const choose = (next: Choices) => {
    setChoices(next);
    if (failure?.key === 'exchange:transferError.planGoalMissing') setFailure(null);
  };

  const busy = picking || working || job.running;
  useDropHold(busy || Object.keys(choices).length > 0);
  const undecided = plan ? undecidedCount(plan.conflicts, choices) : 0;
  if (applied && resolved) {
    return <ReceiveSummary applied={applied} keys={resolved.keys} receiptFileName={receiptFileName} onClose={onClose} />;
  }
  return (
    // Once fields are decided, only Cancel closes: an Escape or a click beside the dialog would throw the decisions away.
    <Dialog open onClose={busy || Object.keys(choices).length > 0 ? undefined : onClose} maxWidth="md" fullWidth scroll="paper" data-testid="receive-dialog">
      <DialogTitle>{t('transfer.receive.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {preview && source ? (
            <TransferPreviewView
              preview={preview}
              fileName={source.name}
              accepted={accepted}
              onAccept={(key, on) => {
                const next = new Set(accepted);
                if (on) next.add(key);
                else next.delete(key);
                setAccepted(next);
                setPlan(null);
              }}
              mapped={mapped}
              localRefs={mapChoices}
              onMap={(key, localId) => {
                setMapped({ ...mapped, [key]: localId });
                setPlan(null);
              }}
              disabled={busy}
            />
          ) : info && source ? (
            <PackageSummary info={info} fileName={source.name} currentDistrictCode={undefined /* from another office by nature: no warning */} />
          ) : (
            <Typography variant="body2">{t('transfer.receive.pickText')}</Typography>
          )}
          {!preview && (
            <div>
              <Button variant={info ? 'text' : 'contained'} onClick={() => void pick()} disabled={busy} data-testid="receive-pick">
                {picking ? <CircularProgress size={20} /> : info ? t('restore.pickOther') : t('restore.pick')}
              </Button>
            </div>
          )}
          {info?.kind === 'transfer' && !preview && (
            <>
              <Typography variant="subtitle2">{t('transfer.secret.title')}</Typography>
              <TransferSecretField
                value={secret}
                onChange={(value) => {
                  setSecret(value);
                  if (failure?.secret) setFailure(null);
                }}
                configured={configured}
                confirm={false}
                checked={false}
                error={failure?.secret ? t(failure.key, failure.values) : null}
                disabled={busy}
                testId="receive"
                onSubmit={() => void open()}
              />
            </>
          )}
          {plan && (
            <>
              <Divider />
              {plan.conflicts.length === 0 ? (
                <Alert severity="info" data-testid="receive-no-conflicts">
                  {t('transfer.conflicts.none')}
                </Alert>
              ) : (
                <>
                  <Typography variant="subtitle2">{t('transfer.conflicts.title', { count: conflictCount(plan.conflicts) })}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t('transfer.conflicts.text')}
                  </Typography>
                  <ConflictList
                    plan={plan}
                    local={local}
                    choices={choices}
                    onChoose={(key, take) => choose({ ...choices, [key]: take })}
                    onChooseAll={(take) => choose(chooseAll(plan.conflicts, take))}
                    disabled={busy}
                  />
                  {undecided > 0 && (
                    <Typography variant="body2" color="warning.main" data-testid="receive-undecided">
                      {t('transfer.conflicts.undecided', { count: undecided })}
                    </Typography>
                  )}
                </>
              )}
            </>
          )}
          {job.running && <ExchangeProgressView progress={job.progress} startingKey="progress.unlocking" />}
          {failure && !failure.secret && <FailureAlert failure={failure} testId="receive-error" note={t('transfer.receive.untouched')} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {job.running ? (
          <Button onClick={job.cancel} color="warning" data-testid="receive-cancel">
            {t('common:action.cancel')}
          </Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {t('common:action.cancel')}
          </Button>
        )}
        {!preview ? (
          <Button variant="contained" onClick={() => void open()} disabled={busy || info?.kind !== 'transfer' || !!transferSecretProblem(secret, false)} data-testid="receive-open">
            {busy ? <CircularProgress size={20} /> : t('transfer.receive.read')}
          </Button>
        ) : !plan ? (
          <Button variant="contained" onClick={() => void makePlan()} disabled={busy} data-testid="receive-continue">
            {busy ? <CircularProgress size={20} /> : t('transfer.receive.continue')}
          </Button>
        ) : (
          <Button variant="contained" onClick={() => void apply()} disabled={busy || undecided > 0} data-testid="receive-apply">
            {busy ? <CircularProgress size={20} /> : t('transfer.receive.apply')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
