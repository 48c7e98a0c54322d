package dev.grader.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grader.internal.Json;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM judge on Spark, against a real HTTP server on 127.0.0.1 speaking OpenAI's chat completions: the run's
 * {@code maxCalls} is split across partitions and never exceeded, answers over budget fall back to the offline judge
 * (provisional), and the executors' reply cache keeps a rerun from sending what was answered before.
 */
class LlmJudgeOnSparkTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                ObjectNode root = Json.mapper().createObjectNode();
                root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "m");
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant")
                        .put("content", "{\"points\": [], \"misconceptions\": [], \"feedback\": \"Checked by a model.\"}");
                root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(Json.compact(root)).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGlobalBudgetSplitAcrossPartitionsAndACachePerExecutor() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("question", DataTypes.StringType)
                .add("answer", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create(0, "Q4", "Shutdown is graceful."), RowFactory.create(1, "Q4", "Close is forceful."),
                RowFactory.create(2, "Q1", "One goroutine per connection."),
                RowFactory.create(3, "Q1", "Serve runs an accept loop."),
                RowFactory.create(4, "Q7", "ReadTimeout covers the request."),
                RowFactory.create(5, "Q7", "WriteTimeout covers the response."));
        // two partitions of three answers each
        Dataset<Row> answers = SparkTests.spark().createDataFrame(org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(SparkTests.spark().sparkContext()).parallelize(rows, 2), schema);
        String cache = tmp.resolve("llm-cache").toString();
        GradingOptions.Builder model = GradingOptions.builder().embeddings(false).judge("openai").model("gpt-4o-mini")
                .baseUrl("http://127.0.0.1:" + server.getPort() + "/v1").cacheDir(cache).concurrency(2);

        Map<Integer, Row> first = byId(GradingFunctions.grade(answers, JobRun.SHIPPED, model.maxCalls(3).build()));
        assertEquals(3, requests.get(), "3 requests for the run: 2 for one partition, 1 for the other");
        long fallbacks = first.values().stream().filter(r -> r.getAs("fallback") != null).count();
        assertEquals(3, fallbacks);
        // partition 0 of 2 may send 2 requests, partition 1 one: 3 answers each, so 1 and 2 fall back
        List<String> reasons = first.values().stream().map(r -> r.<String>getAs("fallback"))
                .filter(java.util.Objects::nonNull).sorted().toList();
        assertEquals(List.of("call budget of 1 requests exhausted", "call budget of 1 requests exhausted",
                "call budget of 2 requests exhausted"), reasons);
        first.values().stream().filter(r -> r.getAs("fallback") != null)
                .forEach(r -> assertTrue(r.<Boolean>getAs("needsReview"), "a provisional grade asks for review"));

        Map<Integer, Row> second = byId(GradingFunctions.grade(answers, JobRun.SHIPPED, model.maxCalls(100).build()));
        assertEquals(6, requests.get(), "only the 3 answers the model had not judged are sent again");
        for (Map.Entry<Integer, Row> e : second.entrySet()) {
            assertNull(e.getValue().getAs("fallback"));
            Row before = first.get(e.getKey());
            if (before.getAs("fallback") == null) {
                assertEquals(before.<String>getAs("report"), e.getValue().getAs("report"), "from the cache, unchanged");
            }
            assertTrue(e.getValue().<String>getAs("report").contains("\"name\": \"llm\""));
        }
    }

    private static Map<Integer, Row> byId(Dataset<Row> graded) {
        Map<Integer, Row> out = new HashMap<>();
        graded.collectAsList().forEach(r -> out.put(r.getInt(0), r));
        return out;
    }
}
