import { describe, expect, it } from 'vitest'
import { mapCredentialParams, maskedTarget } from '../../../../src/shared/receiver/query-credentials.ts'

describe('credentials in a request target', () => {
  it('masks the values of credential parameters, whatever their case, and leaves every other byte as sent', () => {
    expect(maskedTarget('/hooks/x/orders?token=abc&x=a+b%20c&API_KEY=k%3D1')).toBe(
      '/hooks/x/orders?token=••••&x=a+b%20c&API_KEY=••••',
    )
    expect(maskedTarget('/hooks/x?access_token=t1&sig=s&plain')).toBe(
      '/hooks/x?access_token=••••&sig=••••&plain',
    )
  })

  it('leaves targets without a query, empty values and ordinary names alone', () => {
    expect(maskedTarget('/hooks/x/orders')).toBe('/hooks/x/orders')
    expect(maskedTarget('/hooks/x?token=&page=2')).toBe('/hooks/x?token=&page=2')
    expect(maskedTarget('/hooks/x?tokens=1&monkey=2')).toBe('/hooks/x?tokens=1&monkey=2')
  })

  it('hands each credential parameter its decoded name', () => {
    const names: string[] = []
    mapCredentialParams('/h?Token=1&api%5Fkey=2', (name) => {
      names.push(name)
      return 'v'
    })
    expect(names).toEqual(['Token', 'api_key'])
  })
})
