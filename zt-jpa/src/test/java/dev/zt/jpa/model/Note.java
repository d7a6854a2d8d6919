package dev.zt.jpa.model;

import dev.zt.jpa.TenantScopedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The table of the PostgreSQL row-level-security test. */
@Entity
@Table(name = "rls_note")
public class Note extends TenantScopedEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String body;

    protected Note() {
    }

    public Note(String body) {
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }
}
