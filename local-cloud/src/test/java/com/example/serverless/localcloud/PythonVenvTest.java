package com.example.serverless.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One venv location for the build, one venv per set of pins. */
class PythonVenvTest {

    @Test
    void aVenvIsNamedForItsPinsSoThatChangedPinsGetANewOne() {
        assertEquals(PythonVenv.shortHash("ministack==1.5.33\n"), PythonVenv.shortHash("ministack==1.5.33\n"));
        assertNotEquals(PythonVenv.shortHash("ministack==1.5.33\n"), PythonVenv.shortHash("ministack==1.5.34\n"));
        assertEquals(12, PythonVenv.shortHash("x").length());
    }

    @Test
    void anInstalledVenvIsReusedWithoutRunningPython(@TempDir Path location) throws IOException {
        String pins = "cfn-lint==1.58.0\n";
        Path home = location.resolve("cfn-lint-" + PythonVenv.shortHash(pins));
        Files.createDirectories(home);
        Files.writeString(home.resolve("installed-requirements.txt"), pins);
        // A Python that cannot run: reusing the venv must not need it.
        System.setProperty("local-cloud.python", "/nonexistent/python3");
        try {
            PythonVenv venv = PythonVenv.install(location, "cfn-lint", pins, "a test");
            assertEquals(home, venv.home());
            assertEquals(home.resolve("bin/cfn-lint"), venv.bin("cfn-lint"));
        } finally {
            System.clearProperty("local-cloud.python");
        }
    }
}
