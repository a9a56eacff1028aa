package com.intellivision.console.ui.workers;

import io.fair_acc.dataset.locks.DataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.function.Supplier;

/**
 * A memory line that only the FX thread writes and reads, so it needs no lock. ChartFX read-locks a
 * chart's data sets when it lays the chart out and lets go after the next pulse's layout; a layout
 * outside a pulse (a snapshot) followed by a write would leave the FX thread waiting on itself forever.
 */
final class FxThreadDataSet extends DoubleDataSet {

    private final transient DataSetLock<FxThreadDataSet> noLock = new NoLock(this);

    FxThreadDataSet(String name) {
        super(name);
    }

    @Override
    public DataSetLock<FxThreadDataSet> lock() {
        return noLock;
    }

    /** Runs the guarded work at once: there is no other thread to guard against. */
    private record NoLock(FxThreadDataSet dataSet) implements DataSetLock<FxThreadDataSet> {

        @Override
        public FxThreadDataSet readLock() {
            return dataSet;
        }

        @Override
        public FxThreadDataSet readLockGuard(Runnable reading) {
            reading.run();
            return dataSet;
        }

        @Override
        public <R> R readLockGuard(Supplier<R> reading) {
            return reading.get();
        }

        @Override
        public FxThreadDataSet readLockGuardOptimistic(Runnable reading) {
            return readLockGuard(reading);
        }

        @Override
        public <R> R readLockGuardOptimistic(Supplier<R> reading) {
            return readLockGuard(reading);
        }

        @Override
        public FxThreadDataSet readUnLock() {
            return dataSet;
        }

        @Override
        public FxThreadDataSet writeLock() {
            return dataSet;
        }

        @Override
        public FxThreadDataSet writeLockGuard(Runnable writing) {
            return readLockGuard(writing);
        }

        @Override
        public <R> R writeLockGuard(Supplier<R> writing) {
            return readLockGuard(writing);
        }

        @Override
        public FxThreadDataSet writeUnLock() {
            return dataSet;
        }
    }
}
