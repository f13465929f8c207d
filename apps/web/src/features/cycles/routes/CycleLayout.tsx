import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { isApiError } from '@/api/client';
import { ErrorAlert, Loading, NotFound, PageHeader } from '@/components/ui';
import { formatDate, plural } from '@/lib/format';
import { useCycle } from '../api/get-cycle';
import { CycleActions } from '../components/CycleActions';
import { STATE_INFO } from '../components/cycle-format';
import { StateBadge } from '../components/StateBadge';
import { StateSteps } from '../components/StateSteps';
import '../cycles.css';

const TABS = [
  { to: '', label: 'Subjects', end: true },
  { to: 'progress', label: 'Progress', end: false },
  { to: 'settings', label: 'Settings', end: false },
  // The heatmap exists once reports do: from close on.
  { to: 'heatmap', label: 'Organisation view', end: false, states: ['closed', 'released'] },
  // Plans exist once the subjects can read their reports.
  { to: 'plans', label: 'Plans and followership', end: false, states: ['released'] },
];

/** A cycle's page: its state and actions, key facts, and tabs for subjects, progress, settings and (once closed) the organisation view. */
export default function CycleLayout() {
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

  if (cycle.isPending) return <Loading label="Loading the cycle…" />;
  if (isApiError(cycle.error, 404)) return <NotFound />;
  if (cycle.isError) return <ErrorAlert error={cycle.error} title="Could not load this cycle" />;

  const c = cycle.data;
  const facts = [
    { label: 'Framework', value: `${c.frameworkName} · v${c.frameworkVersion}` },
    { label: 'Subjects', value: plural(c.subjectCount, 'person', 'people') },
    { label: 'Nominations close', value: c.nominationDeadline ? formatDate(c.nominationDeadline) : 'Not set' },
    { label: 'Answers due', value: c.responseDeadline ? formatDate(c.responseDeadline) : 'Not set' },
  ];
  return (
    <>
      <PageHeader
        title={c.name}
        documentTitle={c.name}
        back={{ to: '/cycles', label: 'Cycles' }}
        description={
          <span className="cycle-status">
            <StateBadge state={c.state} />
            <span>{STATE_INFO[c.state].text}</span>
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
      <nav className="cy-tabs" aria-label="Cycle sections" ref={tabs}>
        {TABS.filter((tab) => !tab.states || tab.states.includes(c.state)).map((tab) => (
          <NavLink key={tab.label} to={tab.to} end={tab.end} className={({ isActive }) => `cy-tabs__link${isActive ? ' is-active' : ''}`}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
