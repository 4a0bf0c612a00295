import '../twin-sync-indicator/twin-sync-indicator.js';
import { TwinPhaseTracker } from './twin-phase-tracker.component.js';

export { TwinPhaseTracker };

TwinPhaseTracker.define('twin-phase-tracker');
