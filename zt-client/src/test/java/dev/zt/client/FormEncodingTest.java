package dev.zt.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    @Test
    void basicCredentials_formEncodeIdAndSecretBeforeBase64_perRfc6749Section231() {
        String header = FormEncoding.basicCredentials("svc id:1", "p%ä+ &=".toCharArray());

        String decoded = new String(Base64.getDecoder().decode(header.substring("Basic ".length())),
                StandardCharsets.US_ASCII);
        assertThat(header).startsWith("Basic ");
        assertThat(decoded).isEqualTo("svc+id%3A1:p%25%C3%A4%2B+%26%3D");
    }

    @Test
    void encode_matchesUrlEncoder_onAwkwardText() {
        String text = "a b+c/d~e*f.g-h_i%j&k=l\u00e9\u4e2d\ud83d\ude00";

        assertThat(FormEncoding.encode(text)).isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Test
    void form_joinsInOrder_andLeavesOutNullValues() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("resource", null);
        form.put("scope", "a:read b:write");

        assertThat(FormEncoding.form(form)).isEqualTo("grant_type=client_credentials&scope=a%3Aread+b%3Awrite");
    }
}
