import { StatusBar } from './StatusBar';
import { TrainForm } from './TrainForm';
import { TrainChart } from './TrainChart';
import { TrainResults } from './TrainResults';
import { Gallery } from './gallery/Gallery';
import { SweepPanel } from './sweep/SweepPanel';
import { MetricsPanel } from './metrics/MetricsPanel';
import { LectureButton } from './lecture/LectureButton';
import { ResumeBanner } from './sweep/ResumeBanner';
import { VerdictSummary } from './sweep/VerdictSummary';

export function App() {
  return (
    <main>
      <nav className="skip-links" aria-label="Skip to a step">
        <a href="#train-heading">1 · Train</a>
        <a href="#gallery-title">2 · Explore maps</a>
        <a href="#sweep-heading">3 · Remove and retrain</a>
        <a href="#metrics-heading">4 · Without retraining</a>
      </nav>
      <header>
        <LectureButton />
        <h1>ROAR Lab</h1>
        <p className="lead">
          Does an attribution map really find the pixels a network depends on? <strong>RemOve And Retrain</strong>{' '}
          (Hooker et al., 2019) answers it: remove the pixels a method ranks highest, retrain, and see whether accuracy
          falls faster than when removing random pixels. Everything runs in this tab.
        </p>
        <StatusBar />
        <ResumeBanner />
        <VerdictSummary />
      </header>
      <TrainForm />
      <TrainChart />
      <TrainResults />
      <Gallery />
      <SweepPanel />
      <MetricsPanel />
    </main>
  );
}
