package com.intellivision.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of ARCHITECTURE.md: every package depends only on the ones below it. */
@AnalyzeClasses(packages = "com.intellivision.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.intellivision.console.";

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy(ROOT + "app..")
            .layer("ui").definedBy(ROOT + "ui..")
            .layer("server").definedBy(ROOT + "server..")
            .layer("deployment").definedBy(ROOT + "deployment..")
            .layer("remote").definedBy(ROOT + "remote..")
            .layer("pool").definedBy(ROOT + "pool..")
            .layer("worker").definedBy(ROOT + "worker..")
            .layer("media").definedBy(ROOT + "media..")
            .layer("job").definedBy(ROOT + "job..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("server").mayOnlyBeAccessedByLayers("app")
            .whereLayer("deployment").mayOnlyBeAccessedByLayers("app", "ui", "server")
            .whereLayer("remote").mayOnlyBeAccessedByLayers("app", "deployment")
            .whereLayer("pool").mayOnlyBeAccessedByLayers("app", "server", "deployment")
            .whereLayer("worker").mayOnlyBeAccessedByLayers("pool")
            .whereLayer("media").mayOnlyBeAccessedByLayers("app", "worker")
            .whereLayer("job").mayOnlyBeAccessedByLayers("app", "ui", "server", "deployment", "remote", "pool", "worker", "media");

    @ArchTest
    static final ArchRule noCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainStaysPure = noClasses().that().resideInAPackage(ROOT + "job..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "org.bytedeco..", "java.net.http..", "java.sql..");

    @ArchTest
    static final ArchRule deploymentSettingsKnowOnlyTheDomain = classes().that().resideInAPackage(ROOT + "deployment.settings..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + "deployment.settings..", ROOT + "job..", "java..",
                    "com.fasterxml.jackson..", "org.slf4j..", "com.github.javakeyring..");

    @ArchTest
    static final ArchRule onlyTheUiKnowsJavaFx = noClasses().that().resideOutsideOfPackages(ROOT + "ui..", ROOT + "app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    private static final String UI = ROOT + "ui.";
    /** The window's views, each a package; the shell composes them and {@code common} holds what they share. */
    private static final String[] VIEWS = {"alerts", "deployments", "firstrun", "jobs", "preview", "queue", "submit", "workers"};

    @ArchTest
    static final ArchRule uiPackagesAreFreeOfCycles = slices().matching(UI + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noViewDependsOnAnotherView = noViewDependsOnAnother();

    private static ArchRule noViewDependsOnAnother() {
        ArchRule rule = null;
        for (String view : VIEWS) {
            String[] others = java.util.Arrays.stream(VIEWS).filter(other -> !other.equals(view)).map(other -> UI + other + "..")
                    .toArray(String[]::new);
            ArchRule mine = noClasses().that().resideInAPackage(UI + view + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage(UI + "shell..");
            rule = rule == null ? mine : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(mine);
        }
        return rule;
    }

    @ArchTest
    static final ArchRule whatViewsShareKnowsNoView = noClasses().that().resideInAPackage(UI + "common..")
            .should().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.stream(VIEWS).map(view -> UI + view + "..")
                    .toArray(String[]::new))
            .orShould().dependOnClassesThat().resideInAPackage(UI + "shell..");

    @ArchTest
    static final ArchRule viewModelsKnowNoScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule onlyTheFxHandOffCallsPlatform = noClasses().that().doNotHaveFullyQualifiedName(UI + "common.FxThread")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform");

    @ArchTest
    static final ArchRule onlyMediaKnowsFfmpeg = noClasses().that().resideOutsideOfPackages(ROOT + "media..", ROOT + "worker..")
            .should().dependOnClassesThat().resideInAPackage("org.bytedeco..");
}
