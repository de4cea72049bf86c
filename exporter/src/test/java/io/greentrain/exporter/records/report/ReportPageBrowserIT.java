package io.greentrain.exporter.records.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.outputs.HumanUnits;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RunFacts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report page in a real browser: Debian's headless Chromium driven by Selenium through chromium-driver, from a
 * file URL with no network. What is checked is what a reader sees, read from the rendered SVG: every value axis has
 * more than one tick label, each a number with a unit; the legend names the models; the totals shown are the
 * records' totals; the console has no error. A screenshot is left in {@code target/report-page/}.
 */
class ReportPageBrowserIT {

    private static final Pattern ENERGY_TICK = Pattern.compile("-?\\d+(\\.\\d+)? (mJ|J|kJ|Wh|kWh)");
    private static final Pattern MASS_TICK = Pattern.compile("-?\\d+(\\.\\d+)? (mg|g|kg)");
    private static final Path OUT = Paths.get("target", "report-page");

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("greentrain.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1600");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // an explicit driver: Selenium Manager would otherwise try to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("greentrain.chromedriver", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static CallRecord run(String model, long start, long seconds, double cpu, String cpuSource, double dram, double grams) {
        return new CallRecord("jvm-1", 7, "host", "main", "dl4j", model, model + "#fit", "success", "", start, start + seconds * 1000,
                seconds, 3, 3, List.of(new ComponentEnergy("cpu", cpuSource, cpu), new ComponentEnergy("dram", "estimate", dram)),
                "d-" + model, "c-" + model, new CarbonFigures("DE", 350.0, "table:owid-2023", 1.2, grams),
                new RunFacts("run", "r-" + model + start, "", 40, 640, "", ""));
    }

    @Test
    void everyFigureCanBeReadOffTheChartsAndTheTotalsAreTheRecords() throws Exception {
        long t0 = 1_764_000_000_000L;
        List<CallRecord> records = new ArrayList<>(List.of(
                run("MultiLayerNetwork", t0, 60, 1_800.0, "rapl", 120.0, 0.241),
                run("MultiLayerNetwork", t0 + 120_000, 90, 2_600.0, "rapl", 150.0, 0.321),
                run("ComputationGraph", t0 + 60_000, 30, 450.0, "estimate", 40.0, 0.0572)));
        RecordsSummary summary = new RecordsSummary(records);
        String page = ReportPage.html(new ReportDocument(summary, 5), summary, "GreenTrain report: browser test", GridIntensityTable.embedded());
        Files.createDirectories(OUT);
        Path file = OUT.resolve("report.html").toAbsolutePath();
        Files.writeString(file, page, StandardCharsets.UTF_8);

        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "drawn".equals(d.findElement(By.tagName("body")).getAttribute("data-charts")));

        List<String> timeline = texts("chart-timeline");
        assertThat(timeline.stream().filter(t -> ENERGY_TICK.matcher(t).matches()).distinct().count())
                .as("energy tick labels of the timeline: %s", timeline).isGreaterThan(1);
        assertThat(timeline.stream().filter(t -> MASS_TICK.matcher(t).matches()).distinct().count())
                .as("CO2e tick labels of the timeline: %s", timeline).isGreaterThan(1);
        assertThat(timeline).as("legend").contains("dl4j MultiLayerNetwork energy", "dl4j ComputationGraph CO2e");

        List<String> components = texts("chart-components");
        assertThat(components.stream().filter(t -> ENERGY_TICK.matcher(t).matches()).distinct().count())
                .as("energy tick labels of the components chart: %s", components).isGreaterThan(1);
        assertThat(components).as("sources in the legend").contains("cpu (rapl)", "cpu (estimate)", "dram (estimate)")
                .contains("dl4j MultiLayerNetwork", "dl4j ComputationGraph");

        List<String> zones = texts("chart-zones");
        assertThat(zones.stream().filter(t -> MASS_TICK.matcher(t).matches()).distinct().count())
                .as("CO2e tick labels of the zones chart: %s", zones).isGreaterThan(1);
        assertThat(zones).anyMatch(t -> t.startsWith("these runs (DE)"));

        double joules = records.stream().mapToDouble(CallRecord::totalJoules).sum();
        double grams = records.stream().mapToDouble(r -> r.carbon().grams()).sum();
        WebElement totalJoules = browser.findElement(By.id("total-joules"));
        assertThat(Double.parseDouble(totalJoules.getAttribute("data-joules"))).isCloseTo(joules, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(totalJoules.getText()).isEqualTo(HumanUnits.joules(joules));
        assertThat(Double.parseDouble(browser.findElement(By.id("total-grams")).getAttribute("data-grams"))).isCloseTo(grams, org.assertj.core.data.Offset.offset(1e-12));

        WebElement estimated = browser.findElement(By.id("estimated-joules"));
        assertThat(estimated.getText()).as("the range of the estimate").contains("between");
        double estimatedJoules = records.stream().flatMap(r -> r.energy().stream()).filter(ComponentEnergy::estimated)
                .mapToDouble(ComponentEnergy::joules).sum();
        assertThat(Double.parseDouble(estimated.getAttribute("data-low"))).isLessThan(estimatedJoules);
        assertThat(Double.parseDouble(estimated.getAttribute("data-high"))).isGreaterThan(estimatedJoules);

        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console.stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList())).as("errors and warnings in the browser console").isEmpty();

        File screenshot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(screenshot.toPath(), OUT.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The text of every SVG text element a chart drew. */
    private List<String> texts(String chartId) {
        return browser.findElement(By.id(chartId)).findElements(By.tagName("text")).stream().map(WebElement::getText)
                .map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toList());
    }
}
