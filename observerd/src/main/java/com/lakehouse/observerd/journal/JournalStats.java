package com.lakehouse.observerd.journal;

/**
 * {@code GET /journal/stats}.
 *
 * @param buffered            acknowledged events not yet in a stored file (active WAL + sealed segments)
 * @param sealedSegments      WAL segments awaiting upload
 * @param flushedRows         events stored as Parquet by this run
 * @param filesWritten        Parquet files stored by this run
 * @param files               journal files in storaged now, or null when storaged did not answer
 * @param unregisteredFiles   stored files catalogd does not list yet
 * @param flushErrors         failed flush or registration attempts (each is retried)
 * @param lastFlushAt         ISO instant of the last file stored, or null
 * @param lastError           the last flush failure, or null once a flush succeeds
 * @param skippedWalLines     WAL lines dropped at replay (cut short by a crash, never acknowledged, or unreadable)
 * @param quarantinedWalLines WAL lines replay could not apply, copied to {@code journal-wal.quarantine.jsonl}
 * @param flushRows           the configured row trigger
 * @param flushEveryMs        the configured time trigger
 */
public record JournalStats(
        int buffered,
        int sealedSegments,
        long flushedRows,
        long filesWritten,
        Integer files,
        int unregisteredFiles,
        long flushErrors,
        String lastFlushAt,
        String lastError,
        long skippedWalLines,
        long quarantinedWalLines,
        int flushRows,
        long flushEveryMs) {
}
