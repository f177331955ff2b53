package dev.kcaws.testsupport.awssp;
class DumpSampleTmpTest {
    @org.junit.jupiter.api.Test
    void dump() throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/awssp/sample.xml"), SignedResponseFactory.realm().validResponse().xml());
    }
}
