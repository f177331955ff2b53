package dev.kcaws.identitycenter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VaultReferenceTest {

    @Test
    void onlyTheWholeValueInKeycloaksVaultSyntaxIsAReference() {
        assertThat(VaultReference.is("${vault.scim-token}")).isTrue();
        assertThat(VaultReference.key(" ${vault.scim-token} ")).isEqualTo("scim-token");
        assertThat(VaultReference.is("prefix${vault.x}")).isFalse();
        assertThat(VaultReference.is("${env.x}")).isFalse();
        assertThat(VaultReference.is("abc")).isFalse();
        assertThat(VaultReference.is(null)).isFalse();
    }
}
