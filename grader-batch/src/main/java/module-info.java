/**
 * Batch grading of take-homes with grader: submission folders and answer tables in; per-candidate reports,
 * {@code summary.csv}, {@code summary.json} and an HTML cohort report out.
 */
module dev.grader.batch {
    requires transitive dev.grader.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.csv;
    // Reads the text of .docx submissions (StAX).
    requires java.xml;

    exports dev.grader.batch;

    opens dev.grader.batch to com.fasterxml.jackson.databind;
}
