import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { msg, useT } from '@/i18n';
import { formatDate } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import { CycleActions } from '../components/CycleActions';
import { STATE_INFO } from '../components/cycle-format';
import { StateBadge } from '../components/StateBadge';
import { StateSteps } from '../components/StateSteps';
import '../cycles.css';

const TABS = [
  { to: '', label: msg('cycles.tab.subjects'), end: true },
  { to: 'progress', label: msg('cycles.tab.progress'), end: false },
  { to: 'settings', label: msg('cycles.tab.settings'), end: false },
  // The heatmap exists once reports do: from close on.
  { to: 'heatmap', label: msg('cycles.tab.heatmap'), end: false, states: ['closed', 'released'] },
  // Plans exist once the subjects can read their reports.
  { to: 'plans', label: msg('cycles.tab.plans'), end: false, states: ['released'] },
];

/** A cycle's page: its state and actions, key facts, and tabs for subjects, progress, settings and (once closed) the organisation view. */
export default function CycleLayout() {
  const t = useT();
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  const tabs = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the tabs scroll sideways: bring the current one into sight (only the strip scrolls, never the page).
  useEffect(() => {
    const strip = tabs.current;
    const current = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !current) return;
    const left = current.getBoundingClientRect().left - strip.getBoundingClientRect().left + strip.scrollLeft;
    if (left < strip.scrollLeft || left + current.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = left < strip.scrollLeft ? left : left + current.offsetWidth - strip.clientWidth;
    }
  }, [pathname, cycle.data?.state]);

  if (cycle.isPending) return <Loading label={t('cycles.layout.loading')} />;
  if (isApiError(cycle.error, 404)) return <NotFound />;
  if (cycle.isError) return <ErrorAlert error={cycle.error} title={t('cycles.layout.loadFailed')} />;

  const c = cycle.data;
  const facts = [
    { label: t('cycles.layout.framework'), value: t('cycles.layout.frameworkValue', { name: c.frameworkName, version: c.frameworkVersion }) },
    { label: t('cycles.layout.subjects'), value: t('cycles.layout.people', { count: c.subjectCount }) },
    { label: t('cycles.layout.nominationsClose'), value: c.nominationDeadline ? formatDate(c.nominationDeadline) : t('common.notSet') },
    { label: t('cycles.layout.answersDue'), value: c.responseDeadline ? formatDate(c.responseDeadline) : t('common.notSet') },
  ];
  return (
    <>
      <PageHeader
        title={c.name}
        documentTitle={c.name}
        back={{ to: '/cycles', label: t('cycles.list.title') }}
        description={
          <span className="cycle-status">
            <StateBadge state={c.state} />
            <span>{t(STATE_INFO[c.state].text)}</span>
          </span>
        }
        // Always mounted, even when no action is left (after release), so a finished action's confirmation still shows.
        actions={<CycleActions cycle={c} />}
      />
      <div className="cycle-summary">
        <StateSteps state={c.state} skipsNominating={c.settings.maxPeers === 0} />
        <dl className="cycle-facts">
          {facts.map((f) => (
            <div key={f.label} className="cycle-facts__item">
              <dt className="overline">{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <nav className="cy-tabs" aria-label={t('cycles.layout.sections')} ref={tabs}>
        {TABS.filter((tab) => !tab.states || tab.states.includes(c.state)).map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className={({ isActive }) => `cy-tabs__link${isActive ? ' is-active' : ''}`}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
