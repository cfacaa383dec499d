package com.lakehouse.ingestd.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.ingestd.ingest.IngestMode;
import com.lakehouse.ingestd.ingest.IngestResponse;
import com.lakehouse.ingestd.ingest.IngestService;
import com.lakehouse.ingestd.ingest.IngestWorkspace;
import com.lakehouse.ingestd.ingest.PhaseClock;
import com.lakehouse.ingestd.ingest.SpooledCsv;
import com.lakehouse.ingestd.ingest.UploadSpooler;
import com.lakehouse.ingestd.multipart.MultipartFormReader;
import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.concurrent.AdmissionSlots;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * {@code POST /ingest?name=<dataset>[&mode=replace|append]} with a multipart {@code file} part
 * (SPEC §5). The query is checked before a byte of the body is read; the body is parsed here as
 * a stream (Spring's multipart support is off, so nothing buffers it first).
 */
@RestController
class IngestController {

    private static final Log LOG = LogFactory.getLog(IngestController.class);

    private final IngestWorkspace workspace;
    private final UploadSpooler spooler;
    private final IngestService service;
    private final AdmissionSlots slots;

    IngestController(IngestWorkspace workspace, UploadSpooler spooler, IngestService service, AdmissionSlots slots) {
        this.workspace = workspace;
        this.spooler = spooler;
        this.service = service;
        this.slots = slots;
    }

    @PostMapping("/ingest")
    ResponseEntity<IngestResponse> ingest(@RequestParam(required = false) String name,
            @RequestParam(required = false) String mode, HttpServletRequest request) throws IOException {
        if (name == null || name.isEmpty()) {
            throw new InvalidRequestException("missing query parameter 'name' (the dataset name)");
        }
        String dataset = DatasetNames.require(name);
        IngestMode ingestMode = IngestMode.parse(mode);
        String boundary = MultipartFormReader.boundaryOf(request.getContentType()).orElseThrow(
                () -> new InvalidRequestException("expected a multipart/form-data body with a 'file' part holding the CSV"));
        PhaseClock clock = new PhaseClock();
        // The turn is taken before a byte of the body is read: a refused ingest costs no spool space.
        try (AdmissionSlots.Slot turn = slots.acquire();
                IngestWorkspace.Scratch scratch = workspace.open();
                SpooledCsv csv = spooler.receive(request.getInputStream(), boundary, scratch)) {
            clock.lap("spool");
            IngestService.IngestResult result = service.ingest(dataset, ingestMode, csv, scratch.parquet(),
                    RequestActor.of(request), clock);
            LOG.info("ingest of '" + dataset + "' (" + csv.bytes() + " CSV bytes): " + clock);
            return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.response());
        }
    }
}
