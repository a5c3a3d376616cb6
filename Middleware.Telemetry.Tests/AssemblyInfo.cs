// Activity listeners and meter listeners are process-wide: one test at a time, so each sees only its own telemetry.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
