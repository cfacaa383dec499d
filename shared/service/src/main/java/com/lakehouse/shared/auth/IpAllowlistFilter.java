package com.lakehouse.shared.auth;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.lakehouse.shared.web.ProblemResponses;

/** SPEC §2.3 allowlist: a source address outside every configured block gets 403. */
public class IpAllowlistFilter extends OncePerRequestFilter {

    private final List<CidrBlock> allowlist;

    public IpAllowlistFilter(AuthPolicy policy) {
        this.allowlist = policy.allowlist();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return allowlist.isEmpty() || OpenPaths.isOpen(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String remote = request.getRemoteAddr();
        for (CidrBlock block : allowlist) {
            if (block.contains(remote)) {
                chain.doFilter(request, response);
                return;
            }
        }
        boolean body = RefusedBody.present(request);
        if (body) {
            RefusedBody.announceClose(response);
        }
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "source address " + remote + " is not in the allowlist");
        if (body) {
            RefusedBody.closeWithoutDraining(response);
        }
    }
}
